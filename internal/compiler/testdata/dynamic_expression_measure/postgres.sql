SELECT
    "users".state AS "users.state",
    ((CAST(COALESCE(SUM(("order_items".sale_price)), 0) AS DOUBLE PRECISION) / NULLIF(COUNT(DISTINCT ("users".id)), 0))) AS "users.per_user",
    ((CAST(COUNT(DISTINCT CASE WHEN ("orders".status = $1) THEN "orders".order_id ELSE NULL END) AS DOUBLE PRECISION) / NULLIF(MAX("users".age), 0))) AS "users.complete_share",
    (CAST(ROUND(CAST(((COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE("users".age, 0) * (1000000 * 1.0)) AS DECIMAL(65,0))) + (('x' || MD5(CAST(("users".id) AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616 + ('x' || SUBSTR(MD5(CAST(("users".id) AS VARCHAR)), 17))::bit(64)::bigint::DECIMAL(65,0))) - SUM(DISTINCT ('x' || MD5(CAST(("users".id) AS VARCHAR)))::bit(64)::bigint::DECIMAL(65,0) * 18446744073709551616 + ('x' || SUBSTR(MD5(CAST(("users".id) AS VARCHAR)), 17))::bit(64)::bigint::DECIMAL(65,0))) AS DOUBLE PRECISION) / CAST((1000000 * 1.0) AS DOUBLE PRECISION), 0)) / NULLIF(COUNT(DISTINCT CASE WHEN ("users".age) IS NOT NULL THEN ("users".id) ELSE NULL END), 0) + (COALESCE(SUM("order_items".sale_price), 0) * CAST($2 AS BIGINT))) AS DECIMAL(38,9)), 1) AS DOUBLE PRECISION)) AS "users.mean_age"
FROM users AS "users"
LEFT JOIN orders AS "orders" ON ("users".id  =  "orders".user_id)
LEFT JOIN order_items AS "order_items" ON ("orders".order_id  =  "order_items".order_id)
GROUP BY 1
HAVING (((CAST(COALESCE(SUM(("order_items".sale_price)), 0) AS DOUBLE PRECISION) / NULLIF(COUNT(DISTINCT ("users".id)), 0)))) > $3
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args: "Complete" 0 10
-- columns: users.state(dimension) per_user(measure) complete_share(measure) mean_age(measure)
