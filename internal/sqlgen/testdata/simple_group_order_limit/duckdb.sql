SELECT
    "orders"."status" AS "orders.status",
    COUNT(*) AS "orders.count"
FROM "orders" AS "orders"
GROUP BY 1
ORDER BY 2 DESC, 1
LIMIT 500
-- args:
