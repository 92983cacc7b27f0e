SELECT
    "users".state AS "users.state",
    COUNT(DISTINCT ("users".id)) AS "users.count",
    COUNT(DISTINCT ("orders".order_id)) AS "orders.count"
FROM users AS "users"
LEFT JOIN orders AS "orders" ON ("users".id  =  "orders".user_id)
WHERE (((("users".country)) = $1) AND ((("users".state)) = $2) AND (("users".age  >= 18)))
GROUP BY 1
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args: "USA" "California"
-- columns: users.state(dimension) users.count(measure) orders.count(measure)
