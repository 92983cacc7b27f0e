SELECT
    strftime(DATE_TRUNC('second', timezone('America/New_York', timezone('UTC', "orders"."created_at"))), '%Y-%m-%d %H:%M:%S') AS "orders.created_time",
    strftime(DATE_TRUNC('day', ("orders"."created_at" + to_days(CAST(? AS INTEGER)))), '%Y-%m-%d') AS "orders.created_minus_3_days",
    strftime(DATE_TRUNC('month', ("orders"."created_at" + to_months(CAST((1 * 3) AS INTEGER)))), '%Y-%m') AS "orders.created_next_quarter"
FROM "orders" AS "orders"
WHERE ("orders"."id" = ?)
-- args: ?=-3 ?=1
