SELECT
    COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE("orders"."amount", 0) * (1000000 * 1.0)) AS DECIMAL(38,0))) + (CAST(FROM_BASE(SUBSTR(TO_HEX(MD5(CAST(CAST("orders"."id" AS VARCHAR) AS VARBINARY))), 1, 14), 16) AS DECIMAL(38,0)) * CAST(10000000000 AS DECIMAL(38,0)) + CAST(FROM_BASE(SUBSTR(TO_HEX(MD5(CAST(CAST("orders"."id" AS VARCHAR) AS VARBINARY))), 17, 10), 16) AS DECIMAL(38,0)))) - SUM(DISTINCT CAST(FROM_BASE(SUBSTR(TO_HEX(MD5(CAST(CAST("orders"."id" AS VARCHAR) AS VARBINARY))), 1, 14), 16) AS DECIMAL(38,0)) * CAST(10000000000 AS DECIMAL(38,0)) + CAST(FROM_BASE(SUBSTR(TO_HEX(MD5(CAST(CAST("orders"."id" AS VARCHAR) AS VARBINARY))), 17, 10), 16) AS DECIMAL(38,0)))) AS DOUBLE) / CAST((1000000 * 1.0) AS DOUBLE), 0) AS "orders.total_amount",
    COUNT("order_items"."id") AS "order_items.count"
FROM "orders" AS "orders"
LEFT JOIN "order_items" AS "order_items" ON ("order_items"."order_id" = "orders"."id")
WHERE (("orders"."status") <> ? OR ("orders"."status") IS NULL)
-- args: ?="cancelled"
