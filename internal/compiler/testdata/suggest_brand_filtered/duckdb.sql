SELECT DISTINCT
    "products".brand AS "products.brand"
FROM products AS "products"
LEFT JOIN distribution_centers AS "distribution_centers" ON ("products".distribution_center_id  =  "distribution_centers".id)
WHERE (((("distribution_centers".name)) IS NOT NULL) AND ((("products".category)) = ?) AND (("products".brand) IS NOT NULL))
ORDER BY 1
LIMIT 101
-- args: "Jeans"
-- columns: products.brand(dimension)
