SELECT
    CASE WHEN (`users`.age >= CAST(? AS SIGNED)) THEN ? ELSE CONCAT(CAST(? AS CHAR), CAST(CAST(? AS SIGNED) AS CHAR)) END AS `users.age_band`,
    COUNT(*) AS `users.count`
FROM users AS `users`
WHERE (NOT ((((((`users`.age >= CAST(? AS SIGNED))) AND (NOT ((`users`.state) IS NULL)))))) OR (((((`users`.age >= CAST(? AS SIGNED))) AND (NOT ((`users`.state) IS NULL))))) IS NULL)
GROUP BY 1
ORDER BY CASE WHEN (CASE WHEN (`users`.age >= CAST(? AS SIGNED)) THEN ? ELSE CONCAT(CAST(? AS CHAR), CAST(CAST(? AS SIGNED) AS CHAR)) END) IS NULL THEN 0 ELSE 1 END, 1 DESC
LIMIT 500
-- args: 40 "40+" "under " 40 65 65 40 "40+" "under " 40
-- columns: age_band(dimension) users.count(measure)
