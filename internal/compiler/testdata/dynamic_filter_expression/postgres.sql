SELECT
    "users".state AS "users.state",
    COUNT(*) AS "users.count"
FROM users AS "users"
WHERE ((((((("users".state = $1)) OR (("users".city) LIKE $2 ESCAPE '!'))) AND (((CAST("users".age AS DOUBLE PRECISION) / NULLIF(CAST($3 AS BIGINT), 0)) > CAST($4 AS DOUBLE PRECISION))))) AND (NOT (("users".id) IS NULL)))
GROUP BY 1
ORDER BY 2 DESC NULLS FIRST, 1 NULLS LAST
LIMIT 500
-- args: "California" "%San%" 2 10.5
-- columns: users.state(dimension) users.count(measure)
