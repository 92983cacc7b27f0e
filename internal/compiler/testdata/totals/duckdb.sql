SELECT
    "users".state AS "users.state",
    COUNT(DISTINCT ("users".id)) AS "users.count",
    (COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE(("users".age), 0) * (1000000 * 1.0)) AS HUGEINT)) + (CAST(md5_number_lower(CAST(("users".id) AS VARCHAR)) AS HUGEINT) * 1000000000)) - SUM(DISTINCT CAST(md5_number_lower(CAST(("users".id) AS VARCHAR)) AS HUGEINT) * 1000000000)) AS DOUBLE) / CAST((1000000 * 1.0) AS DOUBLE), 0)) / NULLIF(COUNT(DISTINCT CASE WHEN (("users".age)) IS NOT NULL THEN ("users".id) ELSE NULL END), 0) AS "users.average_age",
    COUNT(DISTINCT ("orders".order_id)) AS "orders.count"
FROM users AS "users"
LEFT JOIN orders AS "orders" ON ("users".id  =  "orders".user_id)
GROUP BY 1
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args:
-- columns: users.state(dimension) users.count(measure) users.average_age(measure) orders.count(measure)

-- totals:
SELECT
    COUNT(DISTINCT ("users".id)) AS "users.count",
    (COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE(("users".age), 0) * (1000000 * 1.0)) AS HUGEINT)) + (CAST(md5_number_lower(CAST(("users".id) AS VARCHAR)) AS HUGEINT) * 1000000000)) - SUM(DISTINCT CAST(md5_number_lower(CAST(("users".id) AS VARCHAR)) AS HUGEINT) * 1000000000)) AS DOUBLE) / CAST((1000000 * 1.0) AS DOUBLE), 0)) / NULLIF(COUNT(DISTINCT CASE WHEN (("users".age)) IS NOT NULL THEN ("users".id) ELSE NULL END), 0) AS "users.average_age",
    COUNT(DISTINCT ("orders".order_id)) AS "orders.count"
FROM users AS "users"
LEFT JOIN orders AS "orders" ON ("users".id  =  "orders".user_id)
-- args:
-- columns: users.count(measure) users.average_age(measure) orders.count(measure)
