SELECT
    DATE_FORMAT(DATE(`orders`.created_at), '%Y-%m-%d') AS `orders.created_date`,
    COUNT(*) AS `orders.count`
FROM orders AS `orders`
WHERE (((((`orders`.created_at)) >= ? AND ((`orders`.created_at)) < ?)) AND ((((`orders`.shipped_at)) >= ? AND ((`orders`.shipped_at)) < ?)))
GROUP BY DATE(`orders`.created_at)
ORDER BY CASE WHEN (DATE_FORMAT(DATE(`orders`.created_at), '%Y-%m-%d')) IS NULL THEN 0 ELSE 1 END, 1 DESC
LIMIT 500
-- args: 2026-03-12T00:00:00Z 2026-03-19T00:00:00Z 2025-01-01T00:00:00Z 2025-06-01T00:00:00Z
-- columns: orders.created_date(dimension) orders.count(measure)
