SELECT
    median("orders"."amount") AS "orders.median_amount",
    quantile_cont("orders"."amount", 0.9) AS "orders.amount_p90",
    STRING_AGG(DISTINCT CAST("orders"."status" AS VARCHAR), '|RECORD|') AS "orders.status_list"
FROM "orders" AS "orders"
-- args:
