SELECT
    strftime('%Y-%m-%d', date("orders".created_at)) AS "orders.created_date",
    COUNT(*) AS "orders.count"
FROM orders AS "orders"
WHERE ((((("orders".created_at)) >= ? AND (("orders".created_at)) < ?)) AND (((("orders".shipped_at)) >= ? AND (("orders".shipped_at)) < ?)))
GROUP BY date("orders".created_at)
ORDER BY 1 DESC NULLS FIRST
LIMIT 500
-- args: 2026-03-12T00:00:00Z 2026-03-19T00:00:00Z 2025-01-01T00:00:00Z 2025-06-01T00:00:00Z
-- columns: orders.created_date(dimension) orders.count(measure)
