SELECT
    "products".brand AS "products.brand",
    COUNT(*) AS "products.count"
FROM products AS "products"
GROUP BY 1
ORDER BY 1 NULLS LAST
LIMIT 500
-- args:
-- columns: products.brand(dimension) products.count(measure)
-- table calculation share (number, sort 1 desc true): percent_of_column_sum(${products.count})
-- table calculation previous (number, sort 0 desc false): offset(${products.count}, -1)
