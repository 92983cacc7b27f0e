-- length(${users.state})
lengthUTF8(`users`.`state`)
-- args []

-- position(${users.state}, "a")
positionUTF8(`users`.`state`, ?)
-- args [a]

-- substring(${users.state}, 2, 3)
CASE WHEN (((CAST(? AS Int64) < 1)) OR ((CAST(? AS Int64) < 0))) THEN NULL ELSE substringUTF8(`users`.`state`, CAST(? AS Int64), CAST(? AS Int64)) END
-- args [2 3 2 3]

-- replace(${users.state}, "a", "b")
replaceAll(`users`.`state`, ?, ?)
-- args [a b]

-- contains(${users.state}, lower(${users.state}))
(positionUTF8(`users`.`state`, LOWER(`users`.`state`)) > 0)
-- args []

-- starts_with(${users.state}, upper(${users.state}))
(positionUTF8(`users`.`state`, UPPER(`users`.`state`)) = 1)
-- args []

-- ends_with(${users.state}, concat("a", ${users.state}))
(((lengthUTF8(`users`.`state`) >= lengthUTF8(CONCAT(CAST(? AS String), CAST(`users`.`state` AS String))))) AND ((substringUTF8(`users`.`state`, ((lengthUTF8(`users`.`state`) - lengthUTF8(CONCAT(CAST(? AS String), CAST(`users`.`state` AS String)))) + 1), lengthUTF8(CONCAT(CAST(? AS String), CAST(`users`.`state` AS String)))) = CONCAT(CAST(? AS String), CAST(`users`.`state` AS String)))))
-- args [a a a a]

-- ln(${users.age}) + log(${users.age}) + exp(${users.age}) + sqrt(${users.age})
(((CASE WHEN (CAST(`users`.`age` AS Float64) > 0) THEN log(CAST(`users`.`age` AS Float64)) END + CASE WHEN (CAST(`users`.`age` AS Float64) > 0) THEN log10(CAST(`users`.`age` AS Float64)) END) + CASE WHEN (CAST(`users`.`age` AS Float64) > 709) THEN NULL WHEN (CAST(`users`.`age` AS Float64) < -708) THEN 0 ELSE exp(CAST(`users`.`age` AS Float64)) END) + CASE WHEN (CAST(`users`.`age` AS Float64) >= 0) THEN sqrt(CAST(`users`.`age` AS Float64)) END)
-- args []

-- sin(${users.age}) + cos(${users.age}) + tan(${users.age}) + asin(${users.age}) + acos(${users.age}) + atan(${users.age})
(((((sin(CAST(`users`.`age` AS Float64)) + cos(CAST(`users`.`age` AS Float64))) + tan(CAST(`users`.`age` AS Float64))) + CASE WHEN (((CAST(`users`.`age` AS Float64) >= -1)) AND ((CAST(`users`.`age` AS Float64) <= 1))) THEN asin(CAST(`users`.`age` AS Float64)) END) + CASE WHEN (((CAST(`users`.`age` AS Float64) >= -1)) AND ((CAST(`users`.`age` AS Float64) <= 1))) THEN acos(CAST(`users`.`age` AS Float64)) END) + atan(CAST(`users`.`age` AS Float64)))
-- args []

-- power(${users.age}, 0.5)
CASE WHEN (ABS(CAST(? AS Float64)) > 1e+15) THEN NULL WHEN (CAST(`users`.`age` AS Float64) = 0) THEN CASE WHEN (CAST(? AS Float64) < 0) THEN NULL WHEN (CAST(? AS Float64) = 0) THEN 1 ELSE 0 END WHEN (((CAST(`users`.`age` AS Float64) < 0)) AND ((CAST(? AS Float64) <> FLOOR(CAST(? AS Float64))))) THEN NULL WHEN ((CAST(? AS Float64) * log(ABS(CAST(`users`.`age` AS Float64)))) > 709) THEN NULL WHEN ((CAST(? AS Float64) * log(ABS(CAST(`users`.`age` AS Float64)))) < -708) THEN 0 ELSE pow(CAST(`users`.`age` AS Float64), CAST(? AS Float64)) END
-- args [0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5]

-- case(when(${users.age} < 20, "young"), when(${users.active}, "active"), "other")
CASE WHEN (`users`.`age` < CAST(? AS Int64)) THEN ? WHEN `users`.`active` THEN ? ELSE ? END
-- args [20 young active other]

-- choose(${users.age} / 10, "a", "b", "c") = case(when(${users.created_date} > date_time(2024, 2, 29, 23, 59, 58), "z"))
(CASE FLOOR(CAST((CAST(`users`.`age` AS Float64) / NULLIF(CAST(? AS Int64), 0)) AS Float64)) WHEN 1 THEN ? WHEN 2 THEN ? WHEN 3 THEN ? END = CASE WHEN (`users`.`created_date` > CAST(? AS DateTime)) THEN ? END)
-- args [10 a b c 2024-02-29 23:59:58 z]

-- mod(${users.age}, 7)
MOD(`users`.`age`, NULLIF(CAST(? AS Int64), 0))
-- args [7]

-- add_seconds(1, ${users.created_date})
CAST(date_add(SECOND, toInt64(CAST(? AS Int64)), CAST(`users`.`created_date` AS DateTime)) AS DateTime)
-- args [1]

-- add_minutes(2, ${users.created_date})
CAST(date_add(MINUTE, toInt64(CAST(? AS Int64)), CAST(`users`.`created_date` AS DateTime)) AS DateTime)
-- args [2]

-- add_hours(3, ${users.created_date})
CAST(date_add(HOUR, toInt64(CAST(? AS Int64)), CAST(`users`.`created_date` AS DateTime)) AS DateTime)
-- args [3]

-- add_days(-4, ${users.created_date})
CAST(date_add(DAY, toInt64(CAST(FLOOR((-CAST(? AS Int64))) AS Int64)), CAST(`users`.`created_date` AS DateTime)) AS DateTime)
-- args [4]

-- add_months(5, ${users.created_date})
CAST(date_add(MONTH, toInt64(CAST(? AS Int64)), CAST(`users`.`created_date` AS DateTime)) AS DateTime)
-- args [5]

-- add_years(6, ${users.created_date})
CAST(date_add(YEAR, toInt64(CAST(? AS Int64)), CAST(`users`.`created_date` AS DateTime)) AS DateTime)
-- args [6]

-- diff_seconds(${users.created_date}, now())
CAST((toUnixTimestamp(toDateTime(CAST(? AS DateTime), 'UTC')) - toUnixTimestamp(toDateTime(CAST(`users`.`created_date` AS DateTime), 'UTC'))) AS Int64)
-- args [2026-11-27 10:00:00]

-- diff_minutes(${users.created_date}, now())
CAST((FLOOR((CAST(toUnixTimestamp(toDateTime(CAST(? AS DateTime), 'UTC')) AS Float64) / 60)) - FLOOR((CAST(toUnixTimestamp(toDateTime(CAST(`users`.`created_date` AS DateTime), 'UTC')) AS Float64) / 60))) AS Int64)
-- args [2026-11-27 10:00:00]

-- diff_hours(${users.created_date}, now())
CAST((FLOOR((CAST(toUnixTimestamp(toDateTime(CAST(? AS DateTime), 'UTC')) AS Float64) / 3600)) - FLOOR((CAST(toUnixTimestamp(toDateTime(CAST(`users`.`created_date` AS DateTime), 'UTC')) AS Float64) / 3600))) AS Int64)
-- args [2026-11-27 10:00:00]

-- diff_days(${users.created_date}, now())
CAST((FLOOR((CAST(toUnixTimestamp(toDateTime(CAST(? AS DateTime), 'UTC')) AS Float64) / 86400)) - FLOOR((CAST(toUnixTimestamp(toDateTime(CAST(`users`.`created_date` AS DateTime), 'UTC')) AS Float64) / 86400))) AS Int64)
-- args [2026-11-27 10:00:00]

-- diff_months(${users.created_date}, now())
(((toYear(CAST(? AS DateTime)) - toYear(CAST(`users`.`created_date` AS DateTime))) * 12) + (toMonth(CAST(? AS DateTime)) - toMonth(CAST(`users`.`created_date` AS DateTime))))
-- args [2026-11-27 10:00:00 2026-11-27 10:00:00]

-- diff_years(${users.created_date}, now())
(toYear(CAST(? AS DateTime)) - toYear(CAST(`users`.`created_date` AS DateTime)))
-- args [2026-11-27 10:00:00]

-- extract_seconds(${users.created_date}) + extract_minutes(${users.created_date}) + extract_hours(${users.created_date})
((toSecond(CAST(`users`.`created_date` AS DateTime)) + toMinute(CAST(`users`.`created_date` AS DateTime))) + toHour(CAST(`users`.`created_date` AS DateTime)))
-- args []

-- extract_days(${users.created_date}) + extract_months(${users.created_date}) + extract_years(${users.created_date})
((toDayOfMonth(CAST(`users`.`created_date` AS DateTime)) + toMonth(CAST(`users`.`created_date` AS DateTime))) + toYear(CAST(`users`.`created_date` AS DateTime)))
-- args []

-- extract_day_of_week(${users.created_date}) + extract_day_of_year(${users.created_date})
((toDayOfWeek(CAST(`users`.`created_date` AS DateTime)) - 1) + toDayOfYear(CAST(`users`.`created_date` AS DateTime)))
-- args []

-- extract_unix_timestamp(${users.created_date})
toUnixTimestamp(toDateTime(CAST(`users`.`created_date` AS DateTime), 'UTC'))
-- args []

-- trunc_minutes(${users.created_date}) < trunc_hours(${users.created_date})
(CAST(toStartOfMinute(CAST(`users`.`created_date` AS DateTime)) AS DateTime) < CAST(toStartOfHour(CAST(`users`.`created_date` AS DateTime)) AS DateTime))
-- args []

-- trunc_days(${users.created_date}) < trunc_weeks(${users.created_date})
(CAST(toDate(CAST(`users`.`created_date` AS DateTime)) AS DateTime) < CAST(toMonday(CAST(`users`.`created_date` AS DateTime)) AS DateTime))
-- args []

-- trunc_months(${users.created_date}) < trunc_quarters(${users.created_date}) OR trunc_years(now()) = date(2026, 1, 1)
(((CAST(toStartOfMonth(CAST(`users`.`created_date` AS DateTime)) AS DateTime) < CAST(toStartOfQuarter(CAST(`users`.`created_date` AS DateTime)) AS DateTime))) OR ((CAST(toStartOfYear(CAST(? AS DateTime)) AS DateTime) = CAST(? AS Date))))
-- args [2026-11-27 10:00:00 2026-01-01]

