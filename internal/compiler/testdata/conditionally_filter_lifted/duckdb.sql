SELECT
    "orders".status AS "orders.status",
    COUNT(*) AS "orders.count"
FROM orders AS "orders"
LEFT JOIN users AS "users" ON ("orders".user_id  =  "users".id)
WHERE (("orders".order_id)) > ?
GROUP BY 1
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args: 100
-- columns: orders.status(dimension) orders.count(measure)
