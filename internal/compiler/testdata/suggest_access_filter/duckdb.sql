SELECT DISTINCT
    "users".city AS "users.city"
FROM users AS "users"
WHERE (((("users".country)) = ?) AND ((("users".state)) = ?) AND (("users".age  >= 18)) AND (("users".city) IS NOT NULL) AND ((CAST("users".city AS VARCHAR)) ILIKE ? ESCAPE '!'))
ORDER BY 1
LIMIT 101
-- args: "USA" "California" "%san%"
-- columns: users.city(dimension)
