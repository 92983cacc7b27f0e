SELECT DISTINCT
    CASE WHEN (("users".age) < 0) THEN 'Below 0' WHEN (((("users".age) >= 0)) AND ((("users".age) < 10))) THEN '0 to 9' WHEN (((("users".age) >= 10)) AND ((("users".age) < 20))) THEN '10 to 19' WHEN (((("users".age) >= 20)) AND ((("users".age) < 30))) THEN '20 to 29' WHEN (((("users".age) >= 30)) AND ((("users".age) < 40))) THEN '30 to 39' WHEN (((("users".age) >= 40)) AND ((("users".age) < 50))) THEN '40 to 49' WHEN (((("users".age) >= 50)) AND ((("users".age) < 60))) THEN '50 to 59' WHEN (((("users".age) >= 60)) AND ((("users".age) < 70))) THEN '60 to 69' WHEN (("users".age) >= 70) THEN '70 or Above' ELSE 'Undefined' END AS "users.age_tier"
FROM users AS "users"
WHERE (CASE WHEN (("users".age) < 0) THEN 'Below 0' WHEN (((("users".age) >= 0)) AND ((("users".age) < 10))) THEN '0 to 9' WHEN (((("users".age) >= 10)) AND ((("users".age) < 20))) THEN '10 to 19' WHEN (((("users".age) >= 20)) AND ((("users".age) < 30))) THEN '20 to 29' WHEN (((("users".age) >= 30)) AND ((("users".age) < 40))) THEN '30 to 39' WHEN (((("users".age) >= 40)) AND ((("users".age) < 50))) THEN '40 to 49' WHEN (((("users".age) >= 50)) AND ((("users".age) < 60))) THEN '50 to 59' WHEN (((("users".age) >= 60)) AND ((("users".age) < 70))) THEN '60 to 69' WHEN (("users".age) >= 70) THEN '70 or Above' ELSE 'Undefined' END) IS NOT NULL
ORDER BY 1
LIMIT 101
-- args:
-- columns: users.age_tier(dimension)
