SELECT
    COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE("orders"."amount", 0) * (1000000 * 1.0)) AS DECIMAL(65,0))) + (('x' || MD5(CAST("orders"."id" AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616 + ('x' || SUBSTR(MD5(CAST("orders"."id" AS VARCHAR)), 17))::bit(64)::bigint::DECIMAL(65,0))) - SUM(DISTINCT ('x' || MD5(CAST("orders"."id" AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616 + ('x' || SUBSTR(MD5(CAST("orders"."id" AS VARCHAR)), 17))::bit(64)::bigint::DECIMAL(65,0))) AS DOUBLE PRECISION) / CAST((1000000 * 1.0) AS DOUBLE PRECISION), 0) AS "orders.total_amount",
    COUNT("order_items"."id") AS "order_items.count"
FROM "orders" AS "orders"
LEFT JOIN "order_items" AS "order_items" ON ("order_items"."order_id" = "orders"."id")
WHERE (("orders"."status") <> $1 OR ("orders"."status") IS NULL)
-- args: $1="cancelled"
