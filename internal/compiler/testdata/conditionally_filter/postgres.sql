SELECT
    "orders".status AS "orders.status",
    COUNT(*) AS "orders.count"
FROM orders AS "orders"
LEFT JOIN users AS "users" ON ("orders".user_id  =  "users".id)
WHERE ((("orders".created_at)) >= $1 AND (("orders".created_at)) < $2)
GROUP BY 1
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args: 2026-02-17T00:00:00Z 2026-03-19T00:00:00Z
-- columns: orders.status(dimension) orders.count(measure)
