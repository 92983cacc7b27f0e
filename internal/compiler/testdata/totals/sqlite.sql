SELECT
    "users".state AS "users.state",
    COUNT(DISTINCT ("users".id)) AS "users.count",
    (COALESCE((SELECT TOTAL(json_extract(value, '$[1]')) FROM json_each(json_group_array(DISTINCT json_array(("users".id), ("users".age))))), 0)) / NULLIF(COUNT(DISTINCT CASE WHEN (("users".age)) IS NOT NULL THEN ("users".id) ELSE NULL END), 0) AS "users.average_age",
    COUNT(DISTINCT ("orders".order_id)) AS "orders.count"
FROM users AS "users"
LEFT JOIN orders AS "orders" ON ("users".id  =  "orders".user_id)
GROUP BY 1
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args:
-- columns: users.state(dimension) users.count(measure) users.average_age(measure) orders.count(measure)

-- totals:
SELECT
    COUNT(DISTINCT ("users".id)) AS "users.count",
    (COALESCE((SELECT TOTAL(json_extract(value, '$[1]')) FROM json_each(json_group_array(DISTINCT json_array(("users".id), ("users".age))))), 0)) / NULLIF(COUNT(DISTINCT CASE WHEN (("users".age)) IS NOT NULL THEN ("users".id) ELSE NULL END), 0) AS "users.average_age",
    COUNT(DISTINCT ("orders".order_id)) AS "orders.count"
FROM users AS "users"
LEFT JOIN orders AS "orders" ON ("users".id  =  "orders".user_id)
-- args:
-- columns: users.count(measure) users.average_age(measure) orders.count(measure)
