SELECT
    "orders"."id" AS "orders.id",
    "orders"."status" AS "orders.status"
FROM "orders" AS "orders"
LEFT JOIN "users" AS "users" ON ("orders"."user_id" = "users"."id")
WHERE (((UPPER("orders"."status") = UPPER($1) OR ("orders"."status") ILIKE $2 ESCAPE '!' OR ("orders"."status") ILIKE $3 ESCAPE '!')) AND ((("orders"."created_at") >= $4 AND ("orders"."created_at") < $5)) AND ((("orders"."amount") >= $6 AND ("orders"."amount") <= $7)) AND (((("users"."city") NOT LIKE $8 ESCAPE '!') OR (("users"."city") IS NULL))))
ORDER BY 1
-- args: $1="100%" $2="COMP%" $3="pen_ing" $4=2024-01-01T00:00:00Z $5=2024-06-01T00:00:00Z $6=20 $7=200 $8="%a!_b!%!!%"
