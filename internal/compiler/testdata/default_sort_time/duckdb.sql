SELECT
    "orders".status AS "orders.status",
    strftime(DATE_TRUNC('week', "orders".created_at), '%Y-%m-%d') AS "orders.created_week",
    COUNT(*) AS "orders.count"
FROM orders AS "orders"
GROUP BY 1, DATE_TRUNC('week', "orders".created_at)
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args:
-- columns: orders.status(dimension) orders.created_week(dimension) orders.count(measure)
