SELECT DISTINCT
    "users".city AS "users.city"
FROM users AS "users"
WHERE (((("users".country)) = ?) AND ((("users".state)) = ?) AND (("users".age  >= 18)) AND (("users".city) IS NOT NULL) AND ((UPPER(CAST("users".city AS TEXT))) LIKE UPPER(?) ESCAPE '!'))
ORDER BY 1
LIMIT 101
-- args: "USA" "California" "%san%"
-- columns: users.city(dimension)
