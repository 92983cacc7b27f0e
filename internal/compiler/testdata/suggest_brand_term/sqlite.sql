SELECT DISTINCT
    "products".brand AS "products.brand"
FROM products AS "products"
WHERE ((("products".brand) IS NOT NULL) AND ((UPPER(CAST("products".brand AS TEXT))) LIKE UPPER(?) ESCAPE '!'))
ORDER BY 1
LIMIT 101
-- args: "%ca!_l!%%"
-- columns: products.brand(dimension)
