SELECT
    "users".state AS "users.state",
    COUNT(DISTINCT ("users".id)) AS "users.count",
    (COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE(("users".age), 0) * (1000000 * 1.0)) AS HUGEINT)) + (CAST(md5_number_lower(CAST(("users".id) AS VARCHAR)) AS HUGEINT) * 1000000000)) - SUM(DISTINCT CAST(md5_number_lower(CAST(("users".id) AS VARCHAR)) AS HUGEINT) * 1000000000)) AS DOUBLE) / CAST((1000000 * 1.0) AS DOUBLE), 0)) / NULLIF(COUNT(DISTINCT CASE WHEN (("users".age)) IS NOT NULL THEN ("users".id) ELSE NULL END), 0) AS "users.average_age",
    COUNT(DISTINCT ("orders".order_id)) AS "orders.count",
    COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE(("orders".num_of_item), 0) * (1000000 * 1.0)) AS HUGEINT)) + (CAST(md5_number_lower(CAST(("orders".order_id) AS VARCHAR)) AS HUGEINT) * 1000000000)) - SUM(DISTINCT CAST(md5_number_lower(CAST(("orders".order_id) AS VARCHAR)) AS HUGEINT) * 1000000000)) AS DOUBLE) / CAST((1000000 * 1.0) AS DOUBLE), 0) AS "orders.total_items",
    (COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE(("orders".num_of_item), 0) * (1000000 * 1.0)) AS HUGEINT)) + (CAST(md5_number_lower(CAST(("orders".order_id) AS VARCHAR)) AS HUGEINT) * 1000000000)) - SUM(DISTINCT CAST(md5_number_lower(CAST(("orders".order_id) AS VARCHAR)) AS HUGEINT) * 1000000000)) AS DOUBLE) / CAST((1000000 * 1.0) AS DOUBLE), 0)) / NULLIF(COUNT(DISTINCT CASE WHEN (("orders".num_of_item)) IS NOT NULL THEN ("orders".order_id) ELSE NULL END), 0) AS "orders.average_items",
    COUNT(DISTINCT ("order_items".id)) AS "order_items.count",
    COUNT(DISTINCT ("order_items".order_id)) AS "order_items.order_count",
    COALESCE(SUM(("order_items".sale_price)), 0) AS "order_items.total_sale_price"
FROM users AS "users"
LEFT JOIN orders AS "orders" ON ("users".id  =  "orders".user_id)
LEFT JOIN order_items AS "order_items" ON ("orders".order_id  =  "order_items".order_id)
GROUP BY 1
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args:
-- columns: users.state(dimension) users.count(measure) users.average_age(measure) orders.count(measure) orders.total_items(measure) orders.average_items(measure) order_items.count(measure) order_items.order_count(measure) order_items.total_sale_price(measure)
