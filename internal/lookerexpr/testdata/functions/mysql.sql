-- length(${users.state})
CHAR_LENGTH(`users`.`state`)
-- args []

-- position(${users.state}, "a")
LOCATE(?, `users`.`state`)
-- args [a]

-- substring(${users.state}, 2, 3)
CASE WHEN (((CAST(? AS SIGNED) < 1)) OR ((CAST(? AS SIGNED) < 0))) THEN NULL ELSE SUBSTRING(`users`.`state`, CAST(? AS SIGNED), CAST(? AS SIGNED)) END
-- args [2 3 2 3]

-- replace(${users.state}, "a", "b")
REPLACE(`users`.`state`, ?, ?)
-- args [a b]

-- contains(${users.state}, lower(${users.state}))
(LOCATE(LOWER(`users`.`state`), `users`.`state`) > 0)
-- args []

-- starts_with(${users.state}, upper(${users.state}))
(LOCATE(UPPER(`users`.`state`), `users`.`state`) = 1)
-- args []

-- ends_with(${users.state}, concat("a", ${users.state}))
(((CHAR_LENGTH(`users`.`state`) >= CHAR_LENGTH(CONCAT(CAST(? AS CHAR), CAST(`users`.`state` AS CHAR))))) AND ((SUBSTRING(`users`.`state`, ((CHAR_LENGTH(`users`.`state`) - CHAR_LENGTH(CONCAT(CAST(? AS CHAR), CAST(`users`.`state` AS CHAR)))) + 1), CHAR_LENGTH(CONCAT(CAST(? AS CHAR), CAST(`users`.`state` AS CHAR)))) = CONCAT(CAST(? AS CHAR), CAST(`users`.`state` AS CHAR)))))
-- args [a a a a]

-- ln(${users.age}) + log(${users.age}) + exp(${users.age}) + sqrt(${users.age})
(((CASE WHEN (CAST(`users`.`age` AS DOUBLE) > 0) THEN LN(CAST(`users`.`age` AS DOUBLE)) END + CASE WHEN (CAST(`users`.`age` AS DOUBLE) > 0) THEN LOG10(CAST(`users`.`age` AS DOUBLE)) END) + CASE WHEN (CAST(`users`.`age` AS DOUBLE) > 709) THEN NULL WHEN (CAST(`users`.`age` AS DOUBLE) < -708) THEN 0 ELSE EXP(CAST(`users`.`age` AS DOUBLE)) END) + CASE WHEN (CAST(`users`.`age` AS DOUBLE) >= 0) THEN SQRT(CAST(`users`.`age` AS DOUBLE)) END)
-- args []

-- sin(${users.age}) + cos(${users.age}) + tan(${users.age}) + asin(${users.age}) + acos(${users.age}) + atan(${users.age})
(((((SIN(CAST(`users`.`age` AS DOUBLE)) + COS(CAST(`users`.`age` AS DOUBLE))) + TAN(CAST(`users`.`age` AS DOUBLE))) + CASE WHEN (((CAST(`users`.`age` AS DOUBLE) >= -1)) AND ((CAST(`users`.`age` AS DOUBLE) <= 1))) THEN ASIN(CAST(`users`.`age` AS DOUBLE)) END) + CASE WHEN (((CAST(`users`.`age` AS DOUBLE) >= -1)) AND ((CAST(`users`.`age` AS DOUBLE) <= 1))) THEN ACOS(CAST(`users`.`age` AS DOUBLE)) END) + ATAN(CAST(`users`.`age` AS DOUBLE)))
-- args []

-- power(${users.age}, 0.5)
CASE WHEN (ABS(CAST(? AS DOUBLE)) > 1e+15) THEN NULL WHEN (CAST(`users`.`age` AS DOUBLE) = 0) THEN CASE WHEN (CAST(? AS DOUBLE) < 0) THEN NULL WHEN (CAST(? AS DOUBLE) = 0) THEN 1 ELSE 0 END WHEN (((CAST(`users`.`age` AS DOUBLE) < 0)) AND ((CAST(? AS DOUBLE) <> FLOOR(CAST(? AS DOUBLE))))) THEN NULL WHEN ((CAST(? AS DOUBLE) * LN(ABS(CAST(`users`.`age` AS DOUBLE)))) > 709) THEN NULL WHEN ((CAST(? AS DOUBLE) * LN(ABS(CAST(`users`.`age` AS DOUBLE)))) < -708) THEN 0 ELSE POWER(CAST(`users`.`age` AS DOUBLE), CAST(? AS DOUBLE)) END
-- args [0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5]

-- case(when(${users.age} < 20, "young"), when(${users.active}, "active"), "other")
CASE WHEN (`users`.`age` < CAST(? AS SIGNED)) THEN ? WHEN `users`.`active` THEN ? ELSE ? END
-- args [20 young active other]

-- choose(${users.age} / 10, "a", "b", "c") = case(when(${users.created_date} > date_time(2024, 2, 29, 23, 59, 58), "z"))
(CASE FLOOR(CAST((CAST(`users`.`age` AS DOUBLE) / NULLIF(CAST(? AS SIGNED), 0)) AS DOUBLE)) WHEN 1 THEN ? WHEN 2 THEN ? WHEN 3 THEN ? END = CASE WHEN (`users`.`created_date` > CAST(? AS DATETIME)) THEN ? END)
-- args [10 a b c 2024-02-29 23:59:58 z]

-- mod(${users.age}, 7)
MOD(`users`.`age`, NULLIF(CAST(? AS SIGNED), 0))
-- args [7]

-- add_seconds(1, ${users.created_date})
CAST(DATE_ADD(CAST(`users`.`created_date` AS DATETIME), INTERVAL (CAST(? AS SIGNED)) SECOND) AS DATETIME)
-- args [1]

-- add_minutes(2, ${users.created_date})
CAST(DATE_ADD(CAST(`users`.`created_date` AS DATETIME), INTERVAL (CAST(? AS SIGNED)) MINUTE) AS DATETIME)
-- args [2]

-- add_hours(3, ${users.created_date})
CAST(DATE_ADD(CAST(`users`.`created_date` AS DATETIME), INTERVAL (CAST(? AS SIGNED)) HOUR) AS DATETIME)
-- args [3]

-- add_days(-4, ${users.created_date})
CAST(DATE_ADD(CAST(`users`.`created_date` AS DATETIME), INTERVAL (CAST(FLOOR((-CAST(? AS SIGNED))) AS SIGNED)) DAY) AS DATETIME)
-- args [4]

-- add_months(5, ${users.created_date})
CAST(DATE_ADD(CAST(`users`.`created_date` AS DATETIME), INTERVAL (CAST(? AS SIGNED)) MONTH) AS DATETIME)
-- args [5]

-- add_years(6, ${users.created_date})
CAST(DATE_ADD(CAST(`users`.`created_date` AS DATETIME), INTERVAL (CAST(? AS SIGNED)) YEAR) AS DATETIME)
-- args [6]

-- diff_seconds(${users.created_date}, now())
CAST((TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', CAST(? AS DATETIME)) - TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', CAST(`users`.`created_date` AS DATETIME))) AS SIGNED)
-- args [2026-11-27 10:00:00]

-- diff_minutes(${users.created_date}, now())
CAST((FLOOR((CAST(TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', CAST(? AS DATETIME)) AS DOUBLE) / 60)) - FLOOR((CAST(TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', CAST(`users`.`created_date` AS DATETIME)) AS DOUBLE) / 60))) AS SIGNED)
-- args [2026-11-27 10:00:00]

-- diff_hours(${users.created_date}, now())
CAST((FLOOR((CAST(TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', CAST(? AS DATETIME)) AS DOUBLE) / 3600)) - FLOOR((CAST(TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', CAST(`users`.`created_date` AS DATETIME)) AS DOUBLE) / 3600))) AS SIGNED)
-- args [2026-11-27 10:00:00]

-- diff_days(${users.created_date}, now())
CAST((FLOOR((CAST(TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', CAST(? AS DATETIME)) AS DOUBLE) / 86400)) - FLOOR((CAST(TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', CAST(`users`.`created_date` AS DATETIME)) AS DOUBLE) / 86400))) AS SIGNED)
-- args [2026-11-27 10:00:00]

-- diff_months(${users.created_date}, now())
(((YEAR(CAST(? AS DATETIME)) - YEAR(CAST(`users`.`created_date` AS DATETIME))) * 12) + (MONTH(CAST(? AS DATETIME)) - MONTH(CAST(`users`.`created_date` AS DATETIME))))
-- args [2026-11-27 10:00:00 2026-11-27 10:00:00]

-- diff_years(${users.created_date}, now())
(YEAR(CAST(? AS DATETIME)) - YEAR(CAST(`users`.`created_date` AS DATETIME)))
-- args [2026-11-27 10:00:00]

-- extract_seconds(${users.created_date}) + extract_minutes(${users.created_date}) + extract_hours(${users.created_date})
((SECOND(CAST(`users`.`created_date` AS DATETIME)) + MINUTE(CAST(`users`.`created_date` AS DATETIME))) + HOUR(CAST(`users`.`created_date` AS DATETIME)))
-- args []

-- extract_days(${users.created_date}) + extract_months(${users.created_date}) + extract_years(${users.created_date})
((DAYOFMONTH(CAST(`users`.`created_date` AS DATETIME)) + MONTH(CAST(`users`.`created_date` AS DATETIME))) + YEAR(CAST(`users`.`created_date` AS DATETIME)))
-- args []

-- extract_day_of_week(${users.created_date}) + extract_day_of_year(${users.created_date})
(((WEEKDAY(CAST(`users`.`created_date` AS DATETIME)) + 1) - 1) + DAYOFYEAR(CAST(`users`.`created_date` AS DATETIME)))
-- args []

-- extract_unix_timestamp(${users.created_date})
TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', CAST(`users`.`created_date` AS DATETIME))
-- args []

-- trunc_minutes(${users.created_date}) < trunc_hours(${users.created_date})
(CAST(TIMESTAMP(DATE_FORMAT(CAST(`users`.`created_date` AS DATETIME), '%Y-%m-%d %H:%i:00')) AS DATETIME) < CAST(TIMESTAMP(DATE_FORMAT(CAST(`users`.`created_date` AS DATETIME), '%Y-%m-%d %H:00:00')) AS DATETIME))
-- args []

-- trunc_days(${users.created_date}) < trunc_weeks(${users.created_date})
(CAST(DATE(CAST(`users`.`created_date` AS DATETIME)) AS DATETIME) < CAST(DATE_SUB(DATE(CAST(`users`.`created_date` AS DATETIME)), INTERVAL WEEKDAY(CAST(`users`.`created_date` AS DATETIME)) DAY) AS DATETIME))
-- args []

-- trunc_months(${users.created_date}) < trunc_quarters(${users.created_date}) OR trunc_years(now()) = date(2026, 1, 1)
(((CAST(DATE(DATE_FORMAT(CAST(`users`.`created_date` AS DATETIME), '%Y-%m-01')) AS DATETIME) < CAST((MAKEDATE(YEAR(CAST(`users`.`created_date` AS DATETIME)), 1) + INTERVAL (QUARTER(CAST(`users`.`created_date` AS DATETIME)) - 1) QUARTER) AS DATETIME))) OR ((CAST(MAKEDATE(YEAR(CAST(? AS DATETIME)), 1) AS DATETIME) = CAST(? AS DATE))))
-- args [2026-11-27 10:00:00 2026-01-01]

