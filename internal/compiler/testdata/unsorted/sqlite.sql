SELECT
    "users".state AS "users.state",
    COUNT(*) AS "users.count"
FROM users AS "users"
GROUP BY 1
LIMIT 5000
-- args:
-- columns: users.state(dimension) users.count(measure)
