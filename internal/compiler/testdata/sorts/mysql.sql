SELECT
    `users`.state AS `users.state`,
    `users`.city AS `users.city`,
    COUNT(*) AS `users.count`
FROM users AS `users`
GROUP BY 1, 2
ORDER BY CASE WHEN (`users`.city) IS NULL THEN 0 ELSE 1 END, 2 DESC, CASE WHEN (COUNT(*)) IS NULL THEN 1 ELSE 0 END, 3, CASE WHEN (`users`.state) IS NULL THEN 1 ELSE 0 END, 1
LIMIT 500
-- args:
-- columns: users.state(dimension) users.city(dimension) users.count(measure)
