SELECT
    "users".state AS "users.state",
    COUNT(*) AS "users.count"
FROM users AS "users"
WHERE ((((("users".city)) IS NOT NULL AND LENGTH(("users".city)) <> 0)) AND ((((("users".state)) = ? OR (("users".state)) LIKE ? ESCAPE '!') AND ((("users".state)) <> ? OR (("users".state)) IS NULL))))
GROUP BY 1
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args: "New York" "Cal%" "Texas"
-- columns: users.state(dimension) users.count(measure)
