SELECT
    TO_CHAR(DATE_TRUNC('second', (("orders"."created_at") AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York'), 'YYYY-MM-DD HH24:MI:SS') AS "orders.created_time",
    TO_CHAR(DATE_TRUNC('day', ("orders"."created_at" + CAST($1 AS INTEGER) * INTERVAL '1 day')), 'YYYY-MM-DD') AS "orders.created_minus_3_days",
    TO_CHAR(DATE_TRUNC('month', ("orders"."created_at" + CAST((1 * 3) AS INTEGER) * INTERVAL '1 month')), 'YYYY-MM') AS "orders.created_next_quarter"
FROM "orders" AS "orders"
WHERE ("orders"."id" = $2)
-- args: $1=-3 $2=1
