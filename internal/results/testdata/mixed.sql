SELECT users.city AS "users.city"
FROM users
LIMIT 500