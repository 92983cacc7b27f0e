SELECT
    "orders"."status" AS "orders.status",
    COALESCE(SUM("orders"."amount"), 0) AS "orders.total_amount"
FROM "orders" AS "orders"
WHERE (("orders"."status") <> $1 OR ("orders"."status") IS NULL)
GROUP BY 1
HAVING (COALESCE(SUM("orders"."amount"), 0) > $2)
ORDER BY 2 DESC
LIMIT 500
-- args: $1="cancelled" $2=60
