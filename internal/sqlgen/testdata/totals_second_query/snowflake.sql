SELECT
    COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE("orders"."amount", 0) * (1000000 * 1.0)) AS DECIMAL(38,0))) + ((TO_NUMBER(MD5("orders"."id"), 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX') % 1.0e27)::NUMERIC(38,0))) - SUM(DISTINCT (TO_NUMBER(MD5("orders"."id"), 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX') % 1.0e27)::NUMERIC(38,0))) AS DOUBLE PRECISION) / CAST((1000000 * 1.0) AS DOUBLE PRECISION), 0) AS "orders.total_amount",
    COUNT("order_items"."id") AS "order_items.count"
FROM "orders" AS "orders"
LEFT JOIN "order_items" AS "order_items" ON ("order_items"."order_id" = "orders"."id")
WHERE (("orders"."status") <> ? OR ("orders"."status") IS NULL)
-- args: ?="cancelled"
