SELECT
    "orders".status AS "orders.status",
    strftime('%Y-%m-%d', date("orders".created_at, '-6 days', 'weekday 1')) AS "orders.created_week",
    COUNT(*) AS "orders.count"
FROM orders AS "orders"
GROUP BY 1, date("orders".created_at, '-6 days', 'weekday 1')
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args:
-- columns: orders.status(dimension) orders.created_week(dimension) orders.count(measure)
