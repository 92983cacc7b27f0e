SELECT
    "users".country AS "users.country",
    "users".state AS "users.state"
FROM users AS "users"
GROUP BY 1, 2
ORDER BY 1 NULLS LAST, 2 NULLS LAST
LIMIT 500
-- args:
-- columns: users.country(dimension) users.state(dimension)
