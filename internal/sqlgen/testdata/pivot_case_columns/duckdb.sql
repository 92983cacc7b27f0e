SELECT
    "users"."city" AS "users.city",
    COALESCE(SUM(CASE WHEN ("orders"."status" = ?) THEN "orders"."amount" END), 0) AS "orders.total_amount|FIELD|complete",
    COALESCE(SUM(CASE WHEN ("orders"."status" = ?) THEN "orders"."amount" END), 0) AS "orders.total_amount|FIELD|pending"
FROM "orders" AS "orders"
LEFT JOIN "users" AS "users" ON ("orders"."user_id" = "users"."id")
GROUP BY 1
ORDER BY 1 NULLS LAST
-- args: ?="complete" ?="pending"
