SELECT
    CASE WHEN (("order_items".sale_price) < 0) THEN 'Below 0' WHEN (((("order_items".sale_price) >= 0)) AND ((("order_items".sale_price) < 25))) THEN '>= 0 and < 25' WHEN (((("order_items".sale_price) >= 25)) AND ((("order_items".sale_price) < 50))) THEN '>= 25 and < 50' WHEN (((("order_items".sale_price) >= 50)) AND ((("order_items".sale_price) < 100))) THEN '>= 50 and < 100' WHEN (((("order_items".sale_price) >= 100)) AND ((("order_items".sale_price) < 250))) THEN '>= 100 and < 250' WHEN (((("order_items".sale_price) >= 250)) AND ((("order_items".sale_price) < 500))) THEN '>= 250 and < 500' WHEN (("order_items".sale_price) >= 500) THEN '500 or Above' ELSE 'Undefined' END AS "order_items.sale_price_tier",
    CASE WHEN (("order_items".sale_price) < 0) THEN '00' WHEN (((("order_items".sale_price) >= 0)) AND ((("order_items".sale_price) < 25))) THEN '01' WHEN (((("order_items".sale_price) >= 25)) AND ((("order_items".sale_price) < 50))) THEN '02' WHEN (((("order_items".sale_price) >= 50)) AND ((("order_items".sale_price) < 100))) THEN '03' WHEN (((("order_items".sale_price) >= 100)) AND ((("order_items".sale_price) < 250))) THEN '04' WHEN (((("order_items".sale_price) >= 250)) AND ((("order_items".sale_price) < 500))) THEN '05' WHEN (("order_items".sale_price) >= 500) THEN '06' ELSE '07' END AS "order_items.sale_price_tier__sort_",
    COUNT(*) AS "order_items.count"
FROM order_items AS "order_items"
WHERE (((NOT ((("order_items".returned_at IS NOT NULL))) OR (("order_items".returned_at IS NOT NULL)) IS NULL)) AND ((((("order_items".sale_price)) >= $1 AND (("order_items".sale_price)) < $2) OR (("order_items".sale_price)) >= $3)))
GROUP BY 1, 2
ORDER BY 3 DESC NULLS FIRST, 2 NULLS LAST
LIMIT 500
-- args: 25 50 500
-- columns: order_items.sale_price_tier(dimension) order_items.sale_price_tier__sort_(dimension,hidden) order_items.count(measure)
