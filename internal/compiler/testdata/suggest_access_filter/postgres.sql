SELECT DISTINCT
    "users".city AS "users.city"
FROM users AS "users"
WHERE (((("users".country)) = $1) AND ((("users".state)) = $2) AND (("users".age  >= 18)) AND (("users".city) IS NOT NULL) AND ((CAST("users".city AS VARCHAR)) ILIKE $3 ESCAPE '!'))
ORDER BY 1
LIMIT 101
-- args: "USA" "California" "%san%"
-- columns: users.city(dimension)
