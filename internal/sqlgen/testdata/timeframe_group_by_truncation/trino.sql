SELECT
    date_format(date_trunc('month', "orders"."created_at"), '%Y-%m') AS "orders.created_month",
    CONCAT(date_format(date_trunc('quarter', "orders"."created_at"), '%Y'), '-Q', CAST(EXTRACT(QUARTER FROM date_trunc('quarter', "orders"."created_at")) AS VARCHAR)) AS "orders.created_quarter",
    COUNT(*) AS "orders.count"
FROM "orders" AS "orders"
GROUP BY date_trunc('month', "orders"."created_at"), date_trunc('quarter', "orders"."created_at")
ORDER BY 1 DESC
-- args:
