SELECT
    "users".state AS "users.state",
    ((CAST(COALESCE(SUM(("order_items".sale_price)), 0) AS REAL) / NULLIF(COUNT(DISTINCT ("users".id)), 0))) AS "users.per_user",
    ((CAST(COUNT(DISTINCT CASE WHEN ("orders".status = ?) THEN "orders".order_id ELSE NULL END) AS REAL) / NULLIF(MAX("users".age), 0))) AS "users.complete_share",
    (CASE WHEN (ABS(((COALESCE((SELECT TOTAL(json_extract(value, '$[1]')) FROM json_each(json_group_array(DISTINCT json_array(("users".id), "users".age)))), 0)) / NULLIF(COUNT(DISTINCT CASE WHEN ("users".age) IS NOT NULL THEN ("users".id) ELSE NULL END), 0) + (COALESCE(SUM("order_items".sale_price), 0) * CAST(? AS INTEGER)))) >= 9.007199254740992e+15) THEN CAST(((COALESCE((SELECT TOTAL(json_extract(value, '$[1]')) FROM json_each(json_group_array(DISTINCT json_array(("users".id), "users".age)))), 0)) / NULLIF(COUNT(DISTINCT CASE WHEN ("users".age) IS NOT NULL THEN ("users".id) ELSE NULL END), 0) + (COALESCE(SUM("order_items".sale_price), 0) * CAST(? AS INTEGER))) AS REAL) ELSE CAST(ROUND(CAST(((COALESCE((SELECT TOTAL(json_extract(value, '$[1]')) FROM json_each(json_group_array(DISTINCT json_array(("users".id), "users".age)))), 0)) / NULLIF(COUNT(DISTINCT CASE WHEN ("users".age) IS NOT NULL THEN ("users".id) ELSE NULL END), 0) + (COALESCE(SUM("order_items".sale_price), 0) * CAST(? AS INTEGER))) AS NUMERIC), 1) AS REAL) END) AS "users.mean_age"
FROM users AS "users"
LEFT JOIN orders AS "orders" ON ("users".id  =  "orders".user_id)
LEFT JOIN order_items AS "order_items" ON ("orders".order_id  =  "order_items".order_id)
GROUP BY 1
HAVING (((CAST(COALESCE(SUM(("order_items".sale_price)), 0) AS REAL) / NULLIF(COUNT(DISTINCT ("users".id)), 0)))) > ?
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args: "Complete" 0 0 0 10
-- columns: users.state(dimension) per_user(measure) complete_share(measure) mean_age(measure)
