SELECT
    "products".brand AS "products.brand",
    COUNT(*) AS "products.count"
FROM products AS "products"
GROUP BY 1
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args:
-- columns: products.brand(dimension) products.count(measure)
-- table calculation share (number): percent_of_column_sum(${products.count})
-- table calculation previous (number): offset(${products.count}, -1)
