SELECT
    "users".state AS "users.state",
    COALESCE(SUM(("order_items".sale_price)), 0) AS "order_items.total_sale",
    COUNT(DISTINCT CASE WHEN (("orders".status)) = ? THEN ("orders".order_id) ELSE NULL END) AS "orders.completed_orders",
    COUNT(DISTINCT ("users".city)) AS "users.distinct_cities"
FROM users AS "users"
LEFT JOIN orders AS "orders" ON ("users".id  =  "orders".user_id)
LEFT JOIN order_items AS "order_items" ON ("orders".order_id  =  "order_items".order_id)
GROUP BY 1
HAVING (COALESCE(SUM(("order_items".sale_price)), 0)) > ?
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args: "complete" 100
-- columns: users.state(dimension) total_sale(measure) completed_orders(measure) distinct_cities(measure)
