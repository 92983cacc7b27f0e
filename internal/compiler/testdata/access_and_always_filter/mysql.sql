SELECT
    `users`.state AS `users.state`,
    COUNT(DISTINCT (`users`.id)) AS `users.count`,
    COUNT(DISTINCT (`orders`.order_id)) AS `orders.count`
FROM users AS `users`
LEFT JOIN orders AS `orders` ON (`users`.id  =  `orders`.user_id)
WHERE ((((`users`.country)) = ?) AND (((`users`.state)) = ?) AND ((`users`.age  >= 18)))
GROUP BY 1
ORDER BY CASE WHEN (COUNT(DISTINCT (`users`.id))) IS NULL THEN 0 ELSE 1 END, 2 DESC, CASE WHEN (`users`.state) IS NULL THEN 1 ELSE 0 END, 1
LIMIT 500
-- args: "USA" "California"
-- columns: users.state(dimension) users.count(measure) orders.count(measure)
