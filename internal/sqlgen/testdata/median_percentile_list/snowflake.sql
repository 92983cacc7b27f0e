SELECT
    MEDIAN("orders"."amount") AS "orders.median_amount",
    PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY "orders"."amount") AS "orders.amount_p90",
    LISTAGG(DISTINCT "orders"."status", '|RECORD|') AS "orders.status_list"
FROM "orders" AS "orders"
-- args:
