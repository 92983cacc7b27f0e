SELECT
    CASE WHEN ("users".age >= CAST(? AS BIGINT)) THEN ? ELSE (CAST(? AS VARCHAR) || CAST(CAST(? AS BIGINT) AS VARCHAR)) END AS "users.age_band",
    COUNT(*) AS "users.count"
FROM users AS "users"
WHERE (NOT (((((("users".age >= CAST(? AS BIGINT))) AND (NOT (("users".state) IS NULL)))))) OR ((((("users".age >= CAST(? AS BIGINT))) AND (NOT (("users".state) IS NULL))))) IS NULL)
GROUP BY 1
ORDER BY 1 DESC NULLS FIRST
LIMIT 500
-- args: 40 "40+" "under " 40 65 65
-- columns: age_band(dimension) users.count(measure)
