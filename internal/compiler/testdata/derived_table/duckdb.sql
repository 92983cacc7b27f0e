SELECT
    CASE WHEN (("user_order_facts".lifetime_orders) < 1) THEN 'Below 1' WHEN (((("user_order_facts".lifetime_orders) >= 1)) AND ((("user_order_facts".lifetime_orders) < 2))) THEN '1 to 1' WHEN (((("user_order_facts".lifetime_orders) >= 2)) AND ((("user_order_facts".lifetime_orders) < 3))) THEN '2 to 2' WHEN (((("user_order_facts".lifetime_orders) >= 3)) AND ((("user_order_facts".lifetime_orders) < 5))) THEN '3 to 4' WHEN (((("user_order_facts".lifetime_orders) >= 5)) AND ((("user_order_facts".lifetime_orders) < 10))) THEN '5 to 9' WHEN (("user_order_facts".lifetime_orders) >= 10) THEN '10 or Above' ELSE 'Undefined' END AS "user_order_facts.lifetime_orders_tier",
    CASE WHEN (("user_order_facts".lifetime_orders) < 1) THEN '00' WHEN (((("user_order_facts".lifetime_orders) >= 1)) AND ((("user_order_facts".lifetime_orders) < 2))) THEN '01' WHEN (((("user_order_facts".lifetime_orders) >= 2)) AND ((("user_order_facts".lifetime_orders) < 3))) THEN '02' WHEN (((("user_order_facts".lifetime_orders) >= 3)) AND ((("user_order_facts".lifetime_orders) < 5))) THEN '03' WHEN (((("user_order_facts".lifetime_orders) >= 5)) AND ((("user_order_facts".lifetime_orders) < 10))) THEN '04' WHEN (("user_order_facts".lifetime_orders) >= 10) THEN '05' ELSE '06' END AS "user_order_facts.lifetime_orders_tier__sort_",
    CASE WHEN ("user_order_facts".lifetime_orders  > 1) THEN 'Yes' ELSE 'No' END AS "user_order_facts.is_repeat_customer",
    COUNT(*) AS "order_items.count"
FROM order_items AS "order_items"
LEFT JOIN (SELECT user_id,
             COUNT(DISTINCT order_id) AS lifetime_orders,
             SUM(sale_price) AS lifetime_revenue,
             MIN(created_at) AS first_order_at
      FROM order_items
      GROUP BY user_id) AS "user_order_facts" ON ("order_items".user_id  =  "user_order_facts".user_id)
GROUP BY 1, 2, 3
ORDER BY 4 DESC NULLS FIRST, 2 NULLS LAST, 3 NULLS LAST
LIMIT 500
-- args:
-- columns: user_order_facts.lifetime_orders_tier(dimension) user_order_facts.lifetime_orders_tier__sort_(dimension,hidden) user_order_facts.is_repeat_customer(dimension) order_items.count(measure)
