SELECT
    date_format(DATE_TRUNC('second', CAST(with_timezone("orders"."created_at", 'UTC') AT TIME ZONE 'America/New_York' AS TIMESTAMP)), '%Y-%m-%d %H:%i:%s') AS "orders.created_time",
    date_format(DATE_TRUNC('day', date_add('day', ?, "orders"."created_at")), '%Y-%m-%d') AS "orders.created_minus_3_days",
    date_format(DATE_TRUNC('month', date_add('quarter', 1, "orders"."created_at")), '%Y-%m') AS "orders.created_next_quarter"
FROM "orders" AS "orders"
WHERE ("orders"."id" = ?)
-- args: ?=-3 ?=1
