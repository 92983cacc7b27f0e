SELECT
    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY "orders"."amount") AS "orders.median_amount",
    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY "orders"."amount") AS "orders.amount_p90",
    STRING_AGG(DISTINCT CAST("orders"."status" AS VARCHAR), '|RECORD|') AS "orders.status_list"
FROM "orders" AS "orders"
-- args:
