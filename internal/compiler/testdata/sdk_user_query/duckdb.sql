SELECT
    "users".id AS "users.id",
    "users".age AS "users.age",
    "users".city AS "users.city",
    "users".email AS "users.email",
    "users".first_name AS "users.first_name",
    "users".last_name AS "users.last_name",
    "users".zip AS "users.zip",
    "users".state AS "users.state",
    "users".country AS "users.country"
FROM users AS "users"
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
ORDER BY 1 NULLS LAST, 2 NULLS LAST, 3 NULLS LAST, 4 NULLS LAST, 5 NULLS LAST, 6 NULLS LAST, 7 NULLS LAST, 8 NULLS LAST, 9 NULLS LAST
LIMIT 10
-- args:
-- columns: users.id(dimension) users.age(dimension) users.city(dimension) users.email(dimension) users.first_name(dimension) users.last_name(dimension) users.zip(dimension) users.state(dimension) users.country(dimension)
