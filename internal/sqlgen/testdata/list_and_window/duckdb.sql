SELECT
    "users"."city" AS "users.city",
    STRING_AGG(DISTINCT CAST("orders"."status" AS VARCHAR), '|RECORD|') AS "orders.status_list",
    RANK() OVER (ORDER BY COUNT(*) DESC) AS "rank",
    SUM(COUNT(*)) OVER (ORDER BY "users"."city" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "running_count"
FROM "orders" AS "orders"
LEFT JOIN "users" AS "users" ON ("orders"."user_id" = "users"."id")
WHERE ("users"."city") IS NOT NULL
GROUP BY 1
ORDER BY 1
-- args:
