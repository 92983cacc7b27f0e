SELECT
    strftime('%Y-%m', date("orders"."created_at", 'start of month')) AS "orders.created_month",
    (strftime('%Y', date("orders"."created_at", 'start of month', '-' || ((CAST(strftime('%m', "orders"."created_at") AS INTEGER) - 1) % 3) || ' months')) || '-Q' || CAST(((CAST(strftime('%m', date("orders"."created_at", 'start of month', '-' || ((CAST(strftime('%m', "orders"."created_at") AS INTEGER) - 1) % 3) || ' months')) AS INTEGER) + 2) / 3) AS TEXT)) AS "orders.created_quarter",
    COUNT(*) AS "orders.count"
FROM "orders" AS "orders"
GROUP BY date("orders"."created_at", 'start of month'), date("orders"."created_at", 'start of month', '-' || ((CAST(strftime('%m', "orders"."created_at") AS INTEGER) - 1) % 3) || ' months')
ORDER BY 1 DESC
-- args:
