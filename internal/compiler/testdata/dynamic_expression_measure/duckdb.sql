SELECT
    "users".state AS "users.state",
    ((CAST(COALESCE(SUM(("order_items".sale_price)), 0) AS DOUBLE) / NULLIF(COUNT(DISTINCT ("users".id)), 0))) AS "users.per_user",
    ((CAST(COUNT(DISTINCT CASE WHEN ("orders".status = ?) THEN "orders".order_id ELSE NULL END) AS DOUBLE) / NULLIF(MAX("users".age), 0))) AS "users.complete_share",
    (CASE WHEN (ABS(((COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE("users".age, 0) * (1000000 * 1.0)) AS HUGEINT)) + (CAST(md5_number_lower(CAST(("users".id) AS VARCHAR)) AS HUGEINT) * 1000000000)) - SUM(DISTINCT CAST(md5_number_lower(CAST(("users".id) AS VARCHAR)) AS HUGEINT) * 1000000000)) AS DOUBLE) / CAST((1000000 * 1.0) AS DOUBLE), 0)) / NULLIF(COUNT(DISTINCT CASE WHEN ("users".age) IS NOT NULL THEN ("users".id) ELSE NULL END), 0) + (COALESCE(SUM("order_items".sale_price), 0) * CAST(? AS BIGINT)))) >= 9.007199254740992e+15) THEN CAST(((COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE("users".age, 0) * (1000000 * 1.0)) AS HUGEINT)) + (CAST(md5_number_lower(CAST(("users".id) AS VARCHAR)) AS HUGEINT) * 1000000000)) - SUM(DISTINCT CAST(md5_number_lower(CAST(("users".id) AS VARCHAR)) AS HUGEINT) * 1000000000)) AS DOUBLE) / CAST((1000000 * 1.0) AS DOUBLE), 0)) / NULLIF(COUNT(DISTINCT CASE WHEN ("users".age) IS NOT NULL THEN ("users".id) ELSE NULL END), 0) + (COALESCE(SUM("order_items".sale_price), 0) * CAST(? AS BIGINT))) AS DOUBLE) ELSE CAST(ROUND(CAST(((COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE("users".age, 0) * (1000000 * 1.0)) AS HUGEINT)) + (CAST(md5_number_lower(CAST(("users".id) AS VARCHAR)) AS HUGEINT) * 1000000000)) - SUM(DISTINCT CAST(md5_number_lower(CAST(("users".id) AS VARCHAR)) AS HUGEINT) * 1000000000)) AS DOUBLE) / CAST((1000000 * 1.0) AS DOUBLE), 0)) / NULLIF(COUNT(DISTINCT CASE WHEN ("users".age) IS NOT NULL THEN ("users".id) ELSE NULL END), 0) + (COALESCE(SUM("order_items".sale_price), 0) * CAST(? AS BIGINT))) AS DECIMAL(38,9)), 1) AS DOUBLE) END) AS "users.mean_age"
FROM users AS "users"
LEFT JOIN orders AS "orders" ON ("users".id  =  "orders".user_id)
LEFT JOIN order_items AS "order_items" ON ("orders".order_id  =  "order_items".order_id)
GROUP BY 1
HAVING (((CAST(COALESCE(SUM(("order_items".sale_price)), 0) AS DOUBLE) / NULLIF(COUNT(DISTINCT ("users".id)), 0)))) > ?
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args: "Complete" 0 0 0 10
-- columns: users.state(dimension) per_user(measure) complete_share(measure) mean_age(measure)
