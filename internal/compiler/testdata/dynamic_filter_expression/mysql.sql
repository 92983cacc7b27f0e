SELECT
    `users`.state AS `users.state`,
    COUNT(*) AS `users.count`
FROM users AS `users`
WHERE (((((((`users`.state = ?)) OR ((`users`.city) LIKE ? ESCAPE '!'))) AND (((CAST(`users`.age AS DOUBLE) / NULLIF(CAST(? AS SIGNED), 0)) > CAST(? AS DOUBLE))))) AND (NOT ((`users`.id) IS NULL)))
GROUP BY 1
ORDER BY CASE WHEN (COUNT(*)) IS NULL THEN 0 ELSE 1 END, 2 DESC, CASE WHEN (`users`.state) IS NULL THEN 1 ELSE 0 END, 1
LIMIT 500
-- args: "California" "%San%" 2 10.5
-- columns: users.state(dimension) users.count(measure)
