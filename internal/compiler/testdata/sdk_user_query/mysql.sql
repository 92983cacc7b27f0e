SELECT
    `users`.id AS `users.id`,
    `users`.age AS `users.age`,
    `users`.city AS `users.city`,
    `users`.email AS `users.email`,
    `users`.first_name AS `users.first_name`,
    `users`.last_name AS `users.last_name`,
    `users`.zip AS `users.zip`,
    `users`.state AS `users.state`,
    `users`.country AS `users.country`
FROM users AS `users`
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
ORDER BY CASE WHEN (`users`.id) IS NULL THEN 1 ELSE 0 END, 1, CASE WHEN (`users`.age) IS NULL THEN 1 ELSE 0 END, 2, CASE WHEN (`users`.city) IS NULL THEN 1 ELSE 0 END, 3, CASE WHEN (`users`.email) IS NULL THEN 1 ELSE 0 END, 4, CASE WHEN (`users`.first_name) IS NULL THEN 1 ELSE 0 END, 5, CASE WHEN (`users`.last_name) IS NULL THEN 1 ELSE 0 END, 6, CASE WHEN (`users`.zip) IS NULL THEN 1 ELSE 0 END, 7, CASE WHEN (`users`.state) IS NULL THEN 1 ELSE 0 END, 8, CASE WHEN (`users`.country) IS NULL THEN 1 ELSE 0 END, 9
LIMIT 10
-- args:
-- columns: users.id(dimension) users.age(dimension) users.city(dimension) users.email(dimension) users.first_name(dimension) users.last_name(dimension) users.zip(dimension) users.state(dimension) users.country(dimension)
