SELECT
    strftime(DATE_TRUNC('month', timezone('America/New_York', timezone('UTC', "orders".created_at))), '%Y-%m') AS "orders.created_month",
    COUNT(*) AS "orders.count"
FROM orders AS "orders"
WHERE ((timezone('America/New_York', timezone('UTC', ("orders".created_at)))) >= ? AND (timezone('America/New_York', timezone('UTC', ("orders".created_at)))) < ?)
GROUP BY DATE_TRUNC('month', timezone('America/New_York', timezone('UTC', "orders".created_at)))
ORDER BY 1 DESC NULLS FIRST
LIMIT 500
-- args: 2026-01-01T00:00:00-05:00 2027-01-01T00:00:00-05:00
-- columns: orders.created_month(dimension) orders.count(measure)
