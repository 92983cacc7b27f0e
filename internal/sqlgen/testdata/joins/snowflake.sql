SELECT
    "users"."city" AS "users.city",
    COUNT("order_items"."id") AS "order_items.count",
    COALESCE(SUM("order_items"."sale_price"), 0) AS "order_items.total_sale_price"
FROM "order_items" AS "order_items"
INNER JOIN "orders" AS "orders" ON ("order_items"."order_id" = "orders"."id")
LEFT JOIN "users" AS "users" ON ("orders"."user_id" = "users"."id")
GROUP BY 1
ORDER BY 1 NULLS LAST
-- args:
