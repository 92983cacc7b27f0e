SELECT
    TO_CHAR(DATE_TRUNC('second', CONVERT_TIMEZONE('UTC', 'America/New_York', "orders"."created_at")), 'YYYY-MM-DD HH24:MI:SS') AS "orders.created_time",
    TO_CHAR(DATE_TRUNC('day', DATEADD(day, ?, "orders"."created_at")), 'YYYY-MM-DD') AS "orders.created_minus_3_days",
    TO_CHAR(DATE_TRUNC('month', DATEADD(quarter, 1, "orders"."created_at")), 'YYYY-MM') AS "orders.created_next_quarter"
FROM "orders" AS "orders"
WHERE ("orders"."id" = ?)
-- args: ?=-3 ?=1
