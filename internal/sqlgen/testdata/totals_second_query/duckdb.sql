SELECT
    COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE("orders"."amount", 0) * (1000000 * 1.0)) AS HUGEINT)) + (CAST(md5_number_lower(CAST("orders"."id" AS VARCHAR)) AS HUGEINT) * 1000000000)) - SUM(DISTINCT CAST(md5_number_lower(CAST("orders"."id" AS VARCHAR)) AS HUGEINT) * 1000000000)) AS DOUBLE) / CAST((1000000 * 1.0) AS DOUBLE), 0) AS "orders.total_amount",
    COUNT("order_items"."id") AS "order_items.count"
FROM "orders" AS "orders"
LEFT JOIN "order_items" AS "order_items" ON ("order_items"."order_id" = "orders"."id")
WHERE (("orders"."status") <> ? OR ("orders"."status") IS NULL)
-- args: ?="cancelled"
