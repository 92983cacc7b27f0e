SELECT
    "products".brand AS "products.brand",
    COUNT(*) AS "products.count"
FROM products AS "products"
GROUP BY 1
HAVING (((COUNT(*) > CAST($1 AS BIGINT))) OR (("products".brand = $2)))
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args: 5 "Levi's"
-- columns: products.brand(dimension) products.count(measure)
