SELECT
    "users".country AS "users.country",
    COUNT(*) AS "users.count"
FROM users AS "users"
WHERE (((("users".country)) = ?) AND ((("users".state)) LIKE ? ESCAPE '!') AND (("users".age  >= 18)))
GROUP BY 1
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args: "UK" "%"
-- columns: users.country(dimension) users.count(measure)
