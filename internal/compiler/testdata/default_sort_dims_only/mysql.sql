SELECT
    `users`.country AS `users.country`,
    `users`.state AS `users.state`
FROM users AS `users`
GROUP BY 1, 2
ORDER BY CASE WHEN (`users`.country) IS NULL THEN 1 ELSE 0 END, 1, CASE WHEN (`users`.state) IS NULL THEN 1 ELSE 0 END, 2
LIMIT 500
-- args:
-- columns: users.country(dimension) users.state(dimension)
