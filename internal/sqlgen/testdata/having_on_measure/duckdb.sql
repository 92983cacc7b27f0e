SELECT
    "orders"."status" AS "orders.status",
    COALESCE(SUM("orders"."amount"), 0) AS "orders.total_amount"
FROM "orders" AS "orders"
WHERE (("orders"."status") <> ? OR ("orders"."status") IS NULL)
GROUP BY 1
HAVING (COALESCE(SUM("orders"."amount"), 0) > ?)
ORDER BY 2 DESC
LIMIT 500
-- args: ?="cancelled" ?=60
