SELECT
    "products".brand AS "products.brand",
    COUNT(*) AS "products.count"
FROM products AS "products"
WHERE (("products".category)) = ?
GROUP BY 1
HAVING (COUNT(*)) > ?
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args: "Jeans" 10
-- columns: products.brand(dimension) products.count(measure)
