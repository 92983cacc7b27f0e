SELECT
    `orders`.status AS `orders.status`,
    COUNT(*) AS `orders.count`
FROM orders AS `orders`
LEFT JOIN users AS `users` ON (`orders`.user_id  =  `users`.id)
WHERE (((`orders`.created_at)) >= ? AND ((`orders`.created_at)) < ?)
GROUP BY 1
ORDER BY CASE WHEN (COUNT(*)) IS NULL THEN 0 ELSE 1 END, 2 DESC, CASE WHEN (`orders`.status) IS NULL THEN 1 ELSE 0 END, 1
LIMIT 500
-- args: 2026-02-17T00:00:00Z 2026-03-19T00:00:00Z
-- columns: orders.status(dimension) orders.count(measure)
