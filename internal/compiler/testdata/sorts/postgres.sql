SELECT
    "users".state AS "users.state",
    "users".city AS "users.city",
    COUNT(*) AS "users.count"
FROM users AS "users"
GROUP BY 1, 2
ORDER BY 2 DESC NULLS FIRST, 3 NULLS LAST, 1 NULLS LAST
LIMIT 500
-- args:
-- columns: users.state(dimension) users.city(dimension) users.count(measure)
