SELECT
    `orders`.status AS `orders.status`,
    DATE_FORMAT(DATE_SUB(DATE(`orders`.created_at), INTERVAL WEEKDAY(`orders`.created_at) DAY), '%Y-%m-%d') AS `orders.created_week`,
    COUNT(*) AS `orders.count`
FROM orders AS `orders`
GROUP BY 1, DATE_SUB(DATE(`orders`.created_at), INTERVAL WEEKDAY(`orders`.created_at) DAY)
ORDER BY CASE WHEN (DATE_FORMAT(DATE_SUB(DATE(`orders`.created_at), INTERVAL WEEKDAY(`orders`.created_at) DAY), '%Y-%m-%d')) IS NULL THEN 0 ELSE 1 END, 2 DESC, CASE WHEN (`orders`.status) IS NULL THEN 1 ELSE 0 END, 1
LIMIT 500
-- args:
-- columns: orders.status(dimension) orders.created_week(dimension) orders.count(measure)
