SELECT
    "orders".status AS "orders.status",
    COUNT(*) AS "orders.count"
FROM orders AS "orders"
WHERE ((((("orders".created_at)) >= $1 AND (("orders".created_at)) < $2)) OR (((((("orders".status)) = $3 OR (("orders".status)) LIKE $4 ESCAPE '!')) AND (("orders".returned_at IS NOT NULL)))))
GROUP BY 1
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args: 2026-03-12T00:00:00Z 2026-03-19T00:00:00Z "Complete" "Shipp%"
-- columns: orders.status(dimension) orders.count(measure)
