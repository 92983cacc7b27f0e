-- length(${users.state})
LENGTH(`users`.`state`)
-- args []

-- position(${users.state}, "a")
STRPOS(`users`.`state`, @p1)
-- args [a]

-- substring(${users.state}, 2, 3)
CASE WHEN (((CAST(@p1 AS INT64) < 1)) OR ((CAST(@p2 AS INT64) < 0))) THEN NULL ELSE SUBSTR(`users`.`state`, CAST(@p3 AS INT64), CAST(@p4 AS INT64)) END
-- args [2 3 2 3]

-- replace(${users.state}, "a", "b")
REPLACE(`users`.`state`, @p1, @p2)
-- args [a b]

-- contains(${users.state}, lower(${users.state}))
(STRPOS(`users`.`state`, LOWER(`users`.`state`)) > 0)
-- args []

-- starts_with(${users.state}, upper(${users.state}))
(STRPOS(`users`.`state`, UPPER(`users`.`state`)) = 1)
-- args []

-- ends_with(${users.state}, concat("a", ${users.state}))
(((LENGTH(`users`.`state`) >= LENGTH(CONCAT(CAST(@p1 AS STRING), CAST(`users`.`state` AS STRING))))) AND ((SUBSTR(`users`.`state`, ((LENGTH(`users`.`state`) - LENGTH(CONCAT(CAST(@p2 AS STRING), CAST(`users`.`state` AS STRING)))) + 1), LENGTH(CONCAT(CAST(@p3 AS STRING), CAST(`users`.`state` AS STRING)))) = CONCAT(CAST(@p4 AS STRING), CAST(`users`.`state` AS STRING)))))
-- args [a a a a]

-- ln(${users.age}) + log(${users.age}) + exp(${users.age}) + sqrt(${users.age})
(((CASE WHEN (CAST(`users`.`age` AS FLOAT64) > 0) THEN LN(CAST(`users`.`age` AS FLOAT64)) END + CASE WHEN (CAST(`users`.`age` AS FLOAT64) > 0) THEN LOG10(CAST(`users`.`age` AS FLOAT64)) END) + CASE WHEN (CAST(`users`.`age` AS FLOAT64) > 709) THEN NULL WHEN (CAST(`users`.`age` AS FLOAT64) < -708) THEN 0 ELSE EXP(CAST(`users`.`age` AS FLOAT64)) END) + CASE WHEN (CAST(`users`.`age` AS FLOAT64) >= 0) THEN SQRT(CAST(`users`.`age` AS FLOAT64)) END)
-- args []

-- sin(${users.age}) + cos(${users.age}) + tan(${users.age}) + asin(${users.age}) + acos(${users.age}) + atan(${users.age})
(((((SIN(CAST(`users`.`age` AS FLOAT64)) + COS(CAST(`users`.`age` AS FLOAT64))) + TAN(CAST(`users`.`age` AS FLOAT64))) + CASE WHEN (((CAST(`users`.`age` AS FLOAT64) >= -1)) AND ((CAST(`users`.`age` AS FLOAT64) <= 1))) THEN ASIN(CAST(`users`.`age` AS FLOAT64)) END) + CASE WHEN (((CAST(`users`.`age` AS FLOAT64) >= -1)) AND ((CAST(`users`.`age` AS FLOAT64) <= 1))) THEN ACOS(CAST(`users`.`age` AS FLOAT64)) END) + ATAN(CAST(`users`.`age` AS FLOAT64)))
-- args []

-- power(${users.age}, 0.5)
CASE WHEN (ABS(CAST(@p1 AS FLOAT64)) > 1e+15) THEN NULL WHEN (CAST(`users`.`age` AS FLOAT64) = 0) THEN CASE WHEN (CAST(@p2 AS FLOAT64) < 0) THEN NULL WHEN (CAST(@p3 AS FLOAT64) = 0) THEN 1 ELSE 0 END WHEN (((CAST(`users`.`age` AS FLOAT64) < 0)) AND ((CAST(@p4 AS FLOAT64) <> FLOOR(CAST(@p5 AS FLOAT64))))) THEN NULL WHEN ((CAST(@p6 AS FLOAT64) * LN(ABS(CAST(`users`.`age` AS FLOAT64)))) > 709) THEN NULL WHEN ((CAST(@p7 AS FLOAT64) * LN(ABS(CAST(`users`.`age` AS FLOAT64)))) < -708) THEN 0 ELSE POWER(CAST(`users`.`age` AS FLOAT64), CAST(@p8 AS FLOAT64)) END
-- args [0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5]

-- case(when(${users.age} < 20, "young"), when(${users.active}, "active"), "other")
CASE WHEN (`users`.`age` < CAST(@p1 AS INT64)) THEN @p2 WHEN `users`.`active` THEN @p3 ELSE @p4 END
-- args [20 young active other]

-- choose(${users.age} / 10, "a", "b", "c") = case(when(${users.created_date} > date_time(2024, 2, 29, 23, 59, 58), "z"))
(CASE FLOOR(CAST((CAST(`users`.`age` AS FLOAT64) / NULLIF(CAST(@p1 AS INT64), 0)) AS FLOAT64)) WHEN 1 THEN @p2 WHEN 2 THEN @p3 WHEN 3 THEN @p4 END = CASE WHEN (`users`.`created_date` > CAST(@p5 AS DATETIME)) THEN @p6 END)
-- args [10 a b c 2024-02-29 23:59:58 z]

-- mod(${users.age}, 7)
MOD(`users`.`age`, NULLIF(CAST(@p1 AS INT64), 0))
-- args [7]

-- add_seconds(1, ${users.created_date})
CAST(DATETIME_ADD(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME), INTERVAL CAST(CAST(@p1 AS INT64) AS INT64) SECOND) AS DATETIME)
-- args [1]

-- add_minutes(2, ${users.created_date})
CAST(DATETIME_ADD(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME), INTERVAL CAST(CAST(@p1 AS INT64) AS INT64) MINUTE) AS DATETIME)
-- args [2]

-- add_hours(3, ${users.created_date})
CAST(DATETIME_ADD(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME), INTERVAL CAST(CAST(@p1 AS INT64) AS INT64) HOUR) AS DATETIME)
-- args [3]

-- add_days(-4, ${users.created_date})
CAST(DATETIME_ADD(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME), INTERVAL CAST(CAST(FLOOR((-CAST(@p1 AS INT64))) AS INT64) AS INT64) DAY) AS DATETIME)
-- args [4]

-- add_months(5, ${users.created_date})
CAST(DATETIME_ADD(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME), INTERVAL CAST(CAST(@p1 AS INT64) AS INT64) MONTH) AS DATETIME)
-- args [5]

-- add_years(6, ${users.created_date})
CAST(DATETIME_ADD(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME), INTERVAL CAST(CAST(@p1 AS INT64) AS INT64) YEAR) AS DATETIME)
-- args [6]

-- diff_seconds(${users.created_date}, now())
CAST((UNIX_SECONDS(TIMESTAMP(CAST(CAST(@p1 AS DATETIME) AS DATETIME))) - UNIX_SECONDS(TIMESTAMP(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME)))) AS INT64)
-- args [2026-11-27 10:00:00]

-- diff_minutes(${users.created_date}, now())
CAST((FLOOR((CAST(UNIX_SECONDS(TIMESTAMP(CAST(CAST(@p1 AS DATETIME) AS DATETIME))) AS FLOAT64) / 60)) - FLOOR((CAST(UNIX_SECONDS(TIMESTAMP(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME))) AS FLOAT64) / 60))) AS INT64)
-- args [2026-11-27 10:00:00]

-- diff_hours(${users.created_date}, now())
CAST((FLOOR((CAST(UNIX_SECONDS(TIMESTAMP(CAST(CAST(@p1 AS DATETIME) AS DATETIME))) AS FLOAT64) / 3600)) - FLOOR((CAST(UNIX_SECONDS(TIMESTAMP(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME))) AS FLOAT64) / 3600))) AS INT64)
-- args [2026-11-27 10:00:00]

-- diff_days(${users.created_date}, now())
CAST((FLOOR((CAST(UNIX_SECONDS(TIMESTAMP(CAST(CAST(@p1 AS DATETIME) AS DATETIME))) AS FLOAT64) / 86400)) - FLOOR((CAST(UNIX_SECONDS(TIMESTAMP(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME))) AS FLOAT64) / 86400))) AS INT64)
-- args [2026-11-27 10:00:00]

-- diff_months(${users.created_date}, now())
(((EXTRACT(YEAR FROM CAST(@p1 AS DATETIME)) - EXTRACT(YEAR FROM CAST(`users`.`created_date` AS DATETIME))) * 12) + (EXTRACT(MONTH FROM CAST(@p2 AS DATETIME)) - EXTRACT(MONTH FROM CAST(`users`.`created_date` AS DATETIME))))
-- args [2026-11-27 10:00:00 2026-11-27 10:00:00]

-- diff_years(${users.created_date}, now())
(EXTRACT(YEAR FROM CAST(@p1 AS DATETIME)) - EXTRACT(YEAR FROM CAST(`users`.`created_date` AS DATETIME)))
-- args [2026-11-27 10:00:00]

-- extract_seconds(${users.created_date}) + extract_minutes(${users.created_date}) + extract_hours(${users.created_date})
((EXTRACT(SECOND FROM CAST(`users`.`created_date` AS DATETIME)) + EXTRACT(MINUTE FROM CAST(`users`.`created_date` AS DATETIME))) + EXTRACT(HOUR FROM CAST(`users`.`created_date` AS DATETIME)))
-- args []

-- extract_days(${users.created_date}) + extract_months(${users.created_date}) + extract_years(${users.created_date})
((EXTRACT(DAY FROM CAST(`users`.`created_date` AS DATETIME)) + EXTRACT(MONTH FROM CAST(`users`.`created_date` AS DATETIME))) + EXTRACT(YEAR FROM CAST(`users`.`created_date` AS DATETIME)))
-- args []

-- extract_day_of_week(${users.created_date}) + extract_day_of_year(${users.created_date})
(((MOD(EXTRACT(DAYOFWEEK FROM CAST(`users`.`created_date` AS DATETIME)) + 5, 7) + 1) - 1) + EXTRACT(DAYOFYEAR FROM CAST(`users`.`created_date` AS DATETIME)))
-- args []

-- extract_unix_timestamp(${users.created_date})
UNIX_SECONDS(TIMESTAMP(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME)))
-- args []

-- trunc_minutes(${users.created_date}) < trunc_hours(${users.created_date})
(CAST(DATETIME_TRUNC(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME), MINUTE) AS DATETIME) < CAST(DATETIME_TRUNC(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME), HOUR) AS DATETIME))
-- args []

-- trunc_days(${users.created_date}) < trunc_weeks(${users.created_date})
(CAST(DATETIME_TRUNC(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME), DAY) AS DATETIME) < CAST(DATETIME_TRUNC(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME), WEEK(MONDAY)) AS DATETIME))
-- args []

-- trunc_months(${users.created_date}) < trunc_quarters(${users.created_date}) OR trunc_years(now()) = date(2026, 1, 1)
(((CAST(DATETIME_TRUNC(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME), MONTH) AS DATETIME) < CAST(DATETIME_TRUNC(CAST(CAST(`users`.`created_date` AS DATETIME) AS DATETIME), QUARTER) AS DATETIME))) OR ((CAST(DATETIME_TRUNC(CAST(CAST(@p1 AS DATETIME) AS DATETIME), YEAR) AS DATETIME) = CAST(@p2 AS DATE))))
-- args [2026-11-27 10:00:00 2026-01-01]

