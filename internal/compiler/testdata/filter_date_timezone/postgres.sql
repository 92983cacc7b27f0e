SELECT
    TO_CHAR(DATE_TRUNC('month', (("orders".created_at) AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York'), 'YYYY-MM') AS "orders.created_month",
    COUNT(*) AS "orders.count"
FROM orders AS "orders"
WHERE ((((("orders".created_at)) AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York') >= $1 AND (((("orders".created_at)) AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York') < $2)
GROUP BY DATE_TRUNC('month', (("orders".created_at) AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York')
ORDER BY 1 DESC NULLS FIRST
LIMIT 500
-- args: 2026-01-01T00:00:00-05:00 2027-01-01T00:00:00-05:00
-- columns: orders.created_month(dimension) orders.count(measure)
