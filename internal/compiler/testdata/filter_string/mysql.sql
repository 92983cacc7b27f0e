SELECT
    `users`.state AS `users.state`,
    COUNT(*) AS `users.count`
FROM users AS `users`
WHERE (((((`users`.city)) IS NOT NULL AND LENGTH((`users`.city)) <> 0)) AND (((((`users`.state)) = ? OR ((`users`.state)) LIKE ? ESCAPE '!') AND (((`users`.state)) <> ? OR ((`users`.state)) IS NULL))))
GROUP BY 1
ORDER BY CASE WHEN (COUNT(*)) IS NULL THEN 0 ELSE 1 END, 2 DESC, CASE WHEN (`users`.state) IS NULL THEN 1 ELSE 0 END, 1
LIMIT 500
-- args: "New York" "Cal%" "Texas"
-- columns: users.state(dimension) users.count(measure)
