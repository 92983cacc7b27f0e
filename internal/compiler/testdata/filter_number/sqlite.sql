SELECT
    "users".age AS "users.age",
    COUNT(*) AS "users.count"
FROM users AS "users"
WHERE (((((("users".age)) >= ? AND (("users".age)) < ?) OR (("users".age)) >= ?)) AND ((("users".id)) IS NOT NULL))
GROUP BY 1
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args: 20 40 65
-- columns: users.age(dimension) users.count(measure)
