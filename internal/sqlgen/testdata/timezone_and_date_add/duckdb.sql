SELECT
    strftime(date_trunc('second', timezone('America/New_York', timezone('UTC', "orders"."created_at"))), '%Y-%m-%d %H:%M:%S') AS "orders.created_time",
    strftime(date_trunc('day', ("orders"."created_at" + to_days(CAST(? AS INTEGER)))), '%Y-%m-%d') AS "orders.created_minus_3_days",
    strftime(date_trunc('month', ("orders"."created_at" + to_months(CAST((1 * 3) AS INTEGER)))), '%Y-%m') AS "orders.created_next_quarter"
FROM "orders" AS "orders"
WHERE ("orders"."id" = ?)
-- args: ?=-3 ?=1
