SELECT
    approx_percentile("orders"."amount", 0.5) AS "orders.median_amount",
    approx_percentile("orders"."amount", 0.9) AS "orders.amount_p90",
    array_join(array_agg(DISTINCT "orders"."status"), '|RECORD|') AS "orders.status_list"
FROM "orders" AS "orders"
-- args:
