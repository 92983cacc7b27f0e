SELECT
    strftime(date_trunc('month', "orders"."created_at"), '%Y-%m') AS "orders.created_month",
    CONCAT(strftime(date_trunc('quarter', "orders"."created_at"), '%Y'), '-Q', CAST(CAST(EXTRACT(quarter FROM date_trunc('quarter', "orders"."created_at")) AS INTEGER) AS VARCHAR)) AS "orders.created_quarter",
    COUNT(*) AS "orders.count"
FROM "orders" AS "orders"
GROUP BY date_trunc('month', "orders"."created_at"), date_trunc('quarter', "orders"."created_at")
ORDER BY 1 DESC
-- args:
