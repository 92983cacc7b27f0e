SELECT
    "products".brand AS "products.brand",
    COUNT(*) AS "products.count"
FROM products AS "products"
GROUP BY 1
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 100
-- args:
-- columns: products.brand(dimension) products.count(measure)
