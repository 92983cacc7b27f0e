SELECT
    "users".gender AS "users.gender",
    COUNT(DISTINCT ("users".id)) AS "users.count",
    COALESCE(SUM(("orders".num_of_item)), 0) AS "orders.total_items"
FROM users AS "users"
LEFT JOIN orders AS "orders" ON ("users".id  =  "orders".user_id)
GROUP BY 1
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args:
-- columns: users.gender(dimension) users.count(measure) orders.total_items(measure)
