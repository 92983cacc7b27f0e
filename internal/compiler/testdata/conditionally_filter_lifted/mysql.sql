SELECT
    `orders`.status AS `orders.status`,
    COUNT(*) AS `orders.count`
FROM orders AS `orders`
LEFT JOIN users AS `users` ON (`orders`.user_id  =  `users`.id)
WHERE ((`orders`.order_id)) > ?
GROUP BY 1
ORDER BY CASE WHEN (COUNT(*)) IS NULL THEN 0 ELSE 1 END, 2 DESC, CASE WHEN (`orders`.status) IS NULL THEN 1 ELSE 0 END, 1
LIMIT 500
-- args: 100
-- columns: orders.status(dimension) orders.count(measure)
