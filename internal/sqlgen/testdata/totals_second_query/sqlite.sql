SELECT
    COALESCE((SELECT TOTAL(json_extract(value, '$[1]')) FROM json_each(json_group_array(DISTINCT json_array("orders"."id", "orders"."amount")))), 0) AS "orders.total_amount",
    COUNT("order_items"."id") AS "order_items.count"
FROM "orders" AS "orders"
LEFT JOIN "order_items" AS "order_items" ON ("order_items"."order_id" = "orders"."id")
WHERE (("orders"."status") <> ? OR ("orders"."status") IS NULL)
-- args: ?="cancelled"
