SELECT
    "distribution_centers".name AS "distribution_centers.name",
    COALESCE(SUM(("order_items".sale_price)), 0) AS "order_items.total_sale_price"
FROM order_items AS "order_items"
LEFT JOIN products AS "products" ON ("order_items".product_id  =  "products".id)
LEFT JOIN distribution_centers AS "distribution_centers" ON ("products".distribution_center_id  =  "distribution_centers".id)
GROUP BY 1
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args:
-- columns: distribution_centers.name(dimension) order_items.total_sale_price(measure)
