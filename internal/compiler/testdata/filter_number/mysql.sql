SELECT
    `users`.age AS `users.age`,
    COUNT(*) AS `users.count`
FROM users AS `users`
WHERE ((((((`users`.age)) >= ? AND ((`users`.age)) < ?) OR ((`users`.age)) >= ?)) AND (((`users`.id)) IS NOT NULL))
GROUP BY 1
ORDER BY CASE WHEN (COUNT(*)) IS NULL THEN 0 ELSE 1 END, 2 DESC, CASE WHEN (`users`.age) IS NULL THEN 1 ELSE 0 END, 1
LIMIT 500
-- args: 20 40 65
-- columns: users.age(dimension) users.count(measure)
