SELECT
    TO_CHAR(DATE_TRUNC('month', "orders"."created_at"), 'YYYY-MM') AS "orders.created_month",
    (TO_CHAR(DATE_TRUNC('quarter', "orders"."created_at"), 'YYYY') || '-Q' || CAST(CAST(EXTRACT(QUARTER FROM DATE_TRUNC('quarter', "orders"."created_at")) AS INTEGER) AS VARCHAR)) AS "orders.created_quarter",
    COUNT(*) AS "orders.count"
FROM "orders" AS "orders"
GROUP BY DATE_TRUNC('month', "orders"."created_at"), DATE_TRUNC('quarter', "orders"."created_at")
ORDER BY 1 DESC
-- args:
