SELECT
    `users`.state AS `users.state`,
    COUNT(DISTINCT (`users`.id)) AS `users.count`,
    (COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE((`users`.age), 0) * (1000000 * 1.0)) AS DECIMAL(65,0))) + (CAST(CONV(SUBSTR(MD5((`users`.id)), 1, 16), 16, 10) AS DECIMAL(65,0)) * 18446744073709551616 + CAST(CONV(SUBSTR(MD5((`users`.id)), 17, 16), 16, 10) AS DECIMAL(65,0)))) - SUM(DISTINCT CAST(CONV(SUBSTR(MD5((`users`.id)), 1, 16), 16, 10) AS DECIMAL(65,0)) * 18446744073709551616 + CAST(CONV(SUBSTR(MD5((`users`.id)), 17, 16), 16, 10) AS DECIMAL(65,0)))) AS DOUBLE) / CAST((1000000 * 1.0) AS DOUBLE), 0)) / NULLIF(COUNT(DISTINCT CASE WHEN ((`users`.age)) IS NOT NULL THEN (`users`.id) ELSE NULL END), 0) AS `users.average_age`,
    COUNT(DISTINCT (`orders`.order_id)) AS `orders.count`
FROM users AS `users`
LEFT JOIN orders AS `orders` ON (`users`.id  =  `orders`.user_id)
GROUP BY 1
ORDER BY CASE WHEN (COUNT(DISTINCT (`users`.id))) IS NULL THEN 0 ELSE 1 END, 2 DESC, CASE WHEN (`users`.state) IS NULL THEN 1 ELSE 0 END, 1
LIMIT 500
-- args:
-- columns: users.state(dimension) users.count(measure) users.average_age(measure) orders.count(measure)

-- totals:
SELECT
    COUNT(DISTINCT (`users`.id)) AS `users.count`,
    (COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE((`users`.age), 0) * (1000000 * 1.0)) AS DECIMAL(65,0))) + (CAST(CONV(SUBSTR(MD5((`users`.id)), 1, 16), 16, 10) AS DECIMAL(65,0)) * 18446744073709551616 + CAST(CONV(SUBSTR(MD5((`users`.id)), 17, 16), 16, 10) AS DECIMAL(65,0)))) - SUM(DISTINCT CAST(CONV(SUBSTR(MD5((`users`.id)), 1, 16), 16, 10) AS DECIMAL(65,0)) * 18446744073709551616 + CAST(CONV(SUBSTR(MD5((`users`.id)), 17, 16), 16, 10) AS DECIMAL(65,0)))) AS DOUBLE) / CAST((1000000 * 1.0) AS DOUBLE), 0)) / NULLIF(COUNT(DISTINCT CASE WHEN ((`users`.age)) IS NOT NULL THEN (`users`.id) ELSE NULL END), 0) AS `users.average_age`,
    COUNT(DISTINCT (`orders`.order_id)) AS `orders.count`
FROM users AS `users`
LEFT JOIN orders AS `orders` ON (`users`.id  =  `orders`.user_id)
-- args:
-- columns: users.count(measure) users.average_age(measure) orders.count(measure)
