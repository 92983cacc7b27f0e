SELECT
    "products".brand AS "products.brand",
    COUNT(*) AS "products.count"
FROM products AS "products"
GROUP BY 1
HAVING (((COUNT(*) > CAST(? AS INTEGER))) OR (("products".brand = ?)))
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args: 5 "Levi's"
-- columns: products.brand(dimension) products.count(measure)
