SELECT
    DATE_FORMAT(DATE(DATE_FORMAT(CONVERT_TZ(`orders`.created_at, 'UTC', 'America/New_York'), '%Y-%m-01')), '%Y-%m') AS `orders.created_month`,
    COUNT(*) AS `orders.count`
FROM orders AS `orders`
WHERE ((CONVERT_TZ((`orders`.created_at), 'UTC', 'America/New_York')) >= ? AND (CONVERT_TZ((`orders`.created_at), 'UTC', 'America/New_York')) < ?)
GROUP BY DATE(DATE_FORMAT(CONVERT_TZ(`orders`.created_at, 'UTC', 'America/New_York'), '%Y-%m-01'))
ORDER BY CASE WHEN (DATE_FORMAT(DATE(DATE_FORMAT(CONVERT_TZ(`orders`.created_at, 'UTC', 'America/New_York'), '%Y-%m-01')), '%Y-%m')) IS NULL THEN 0 ELSE 1 END, 1 DESC
LIMIT 500
-- args: 2026-01-01T00:00:00-05:00 2027-01-01T00:00:00-05:00
-- columns: orders.created_month(dimension) orders.count(measure)
