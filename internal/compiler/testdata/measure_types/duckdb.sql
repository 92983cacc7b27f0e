SELECT
    "order_items".status AS "order_items.status",
    COUNT(*) AS "order_items.count",
    COUNT(DISTINCT ("order_items".order_id)) AS "order_items.order_count",
    COALESCE(SUM(("order_items".sale_price)), 0) AS "order_items.total_sale_price",
    AVG(CAST(("order_items".sale_price) AS DOUBLE)) AS "order_items.average_sale_price",
    median(("order_items".sale_price)) AS "order_items.median_sale_price",
    COUNT(CASE WHEN (("order_items".returned_at IS NOT NULL)) THEN ("order_items".id) ELSE NULL END) AS "order_items.returned_count",
    (sum( "order_items".sale_price )) AS "order_items.dynamic_sale_price"
FROM order_items AS "order_items"
GROUP BY 1
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args:
-- columns: order_items.status(dimension) order_items.count(measure) order_items.order_count(measure) order_items.total_sale_price(measure) order_items.average_sale_price(measure) order_items.median_sale_price(measure) order_items.returned_count(measure) order_items.dynamic_sale_price(measure)
