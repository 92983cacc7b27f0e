SELECT
    `users`.country AS `users.country`,
    COUNT(*) AS `users.count`
FROM users AS `users`
WHERE ((((`users`.country)) = ?) AND (((`users`.state)) LIKE ? ESCAPE '!') AND ((`users`.age  >= 18)))
GROUP BY 1
ORDER BY CASE WHEN (COUNT(*)) IS NULL THEN 0 ELSE 1 END, 2 DESC, CASE WHEN (`users`.country) IS NULL THEN 1 ELSE 0 END, 1
LIMIT 500
-- args: "UK" "%"
-- columns: users.country(dimension) users.count(measure)
