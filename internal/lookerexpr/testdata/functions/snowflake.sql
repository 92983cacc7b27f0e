-- length(${users.state})
LENGTH("users"."state")
-- args []

-- position(${users.state}, "a")
POSITION(? IN "users"."state")
-- args [a]

-- substring(${users.state}, 2, 3)
CASE WHEN (((CAST(? AS BIGINT) < 1)) OR ((CAST(? AS BIGINT) < 0))) THEN NULL ELSE SUBSTRING("users"."state", CAST(? AS BIGINT), CAST(? AS BIGINT)) END
-- args [2 3 2 3]

-- replace(${users.state}, "a", "b")
REPLACE("users"."state", ?, ?)
-- args [a b]

-- contains(${users.state}, lower(${users.state}))
(POSITION(LOWER("users"."state") IN "users"."state") > 0)
-- args []

-- starts_with(${users.state}, upper(${users.state}))
(POSITION(UPPER("users"."state") IN "users"."state") = 1)
-- args []

-- ends_with(${users.state}, concat("a", ${users.state}))
(((LENGTH("users"."state") >= LENGTH(CONCAT(CAST(? AS VARCHAR), CAST("users"."state" AS VARCHAR))))) AND ((SUBSTRING("users"."state", ((LENGTH("users"."state") - LENGTH(CONCAT(CAST(? AS VARCHAR), CAST("users"."state" AS VARCHAR)))) + 1), LENGTH(CONCAT(CAST(? AS VARCHAR), CAST("users"."state" AS VARCHAR)))) = CONCAT(CAST(? AS VARCHAR), CAST("users"."state" AS VARCHAR)))))
-- args [a a a a]

-- ln(${users.age}) + log(${users.age}) + exp(${users.age}) + sqrt(${users.age})
(((CASE WHEN (CAST("users"."age" AS DOUBLE) > 0) THEN LN(CAST("users"."age" AS DOUBLE)) END + CASE WHEN (CAST("users"."age" AS DOUBLE) > 0) THEN LOG(10, CAST("users"."age" AS DOUBLE)) END) + CASE WHEN (CAST("users"."age" AS DOUBLE) > 709) THEN NULL WHEN (CAST("users"."age" AS DOUBLE) < -708) THEN 0 ELSE EXP(CAST("users"."age" AS DOUBLE)) END) + CASE WHEN (CAST("users"."age" AS DOUBLE) >= 0) THEN SQRT(CAST("users"."age" AS DOUBLE)) END)
-- args []

-- sin(${users.age}) + cos(${users.age}) + tan(${users.age}) + asin(${users.age}) + acos(${users.age}) + atan(${users.age})
(((((SIN(CAST("users"."age" AS DOUBLE)) + COS(CAST("users"."age" AS DOUBLE))) + TAN(CAST("users"."age" AS DOUBLE))) + CASE WHEN (((CAST("users"."age" AS DOUBLE) >= -1)) AND ((CAST("users"."age" AS DOUBLE) <= 1))) THEN ASIN(CAST("users"."age" AS DOUBLE)) END) + CASE WHEN (((CAST("users"."age" AS DOUBLE) >= -1)) AND ((CAST("users"."age" AS DOUBLE) <= 1))) THEN ACOS(CAST("users"."age" AS DOUBLE)) END) + ATAN(CAST("users"."age" AS DOUBLE)))
-- args []

-- power(${users.age}, 0.5)
CASE WHEN (ABS(CAST(? AS DOUBLE)) > 1e+15) THEN NULL WHEN (CAST("users"."age" AS DOUBLE) = 0) THEN CASE WHEN (CAST(? AS DOUBLE) < 0) THEN NULL WHEN (CAST(? AS DOUBLE) = 0) THEN 1 ELSE 0 END WHEN (((CAST("users"."age" AS DOUBLE) < 0)) AND ((CAST(? AS DOUBLE) <> FLOOR(CAST(? AS DOUBLE))))) THEN NULL WHEN ((CAST(? AS DOUBLE) * LN(ABS(CAST("users"."age" AS DOUBLE)))) > 709) THEN NULL WHEN ((CAST(? AS DOUBLE) * LN(ABS(CAST("users"."age" AS DOUBLE)))) < -708) THEN 0 ELSE POWER(CAST("users"."age" AS DOUBLE), CAST(? AS DOUBLE)) END
-- args [0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5]

-- case(when(${users.age} < 20, "young"), when(${users.active}, "active"), "other")
CASE WHEN ("users"."age" < CAST(? AS BIGINT)) THEN ? WHEN "users"."active" THEN ? ELSE ? END
-- args [20 young active other]

-- choose(${users.age} / 10, "a", "b", "c") = case(when(${users.created_date} > date_time(2024, 2, 29, 23, 59, 58), "z"))
(CASE FLOOR(CAST((CAST("users"."age" AS DOUBLE) / NULLIF(CAST(? AS BIGINT), 0)) AS DOUBLE)) WHEN 1 THEN ? WHEN 2 THEN ? WHEN 3 THEN ? END = CASE WHEN ("users"."created_date" > CAST(? AS TIMESTAMP_NTZ)) THEN ? END)
-- args [10 a b c 2024-02-29 23:59:58 z]

-- mod(${users.age}, 7)
MOD("users"."age", NULLIF(CAST(? AS BIGINT), 0))
-- args [7]

-- add_seconds(1, ${users.created_date})
CAST(DATEADD(second, CAST(? AS BIGINT), CAST("users"."created_date" AS TIMESTAMP_NTZ)) AS TIMESTAMP_NTZ)
-- args [1]

-- add_minutes(2, ${users.created_date})
CAST(DATEADD(minute, CAST(? AS BIGINT), CAST("users"."created_date" AS TIMESTAMP_NTZ)) AS TIMESTAMP_NTZ)
-- args [2]

-- add_hours(3, ${users.created_date})
CAST(DATEADD(hour, CAST(? AS BIGINT), CAST("users"."created_date" AS TIMESTAMP_NTZ)) AS TIMESTAMP_NTZ)
-- args [3]

-- add_days(-4, ${users.created_date})
CAST(DATEADD(day, CAST(FLOOR((-CAST(? AS BIGINT))) AS BIGINT), CAST("users"."created_date" AS TIMESTAMP_NTZ)) AS TIMESTAMP_NTZ)
-- args [4]

-- add_months(5, ${users.created_date})
CAST(DATEADD(month, CAST(? AS BIGINT), CAST("users"."created_date" AS TIMESTAMP_NTZ)) AS TIMESTAMP_NTZ)
-- args [5]

-- add_years(6, ${users.created_date})
CAST(DATEADD(year, CAST(? AS BIGINT), CAST("users"."created_date" AS TIMESTAMP_NTZ)) AS TIMESTAMP_NTZ)
-- args [6]

-- diff_seconds(${users.created_date}, now())
CAST((DATE_PART(EPOCH_SECOND, CAST(CAST(? AS TIMESTAMP_NTZ) AS TIMESTAMP_NTZ)) - DATE_PART(EPOCH_SECOND, CAST(CAST("users"."created_date" AS TIMESTAMP_NTZ) AS TIMESTAMP_NTZ))) AS BIGINT)
-- args [2026-11-27 10:00:00]

-- diff_minutes(${users.created_date}, now())
CAST((FLOOR((CAST(DATE_PART(EPOCH_SECOND, CAST(CAST(? AS TIMESTAMP_NTZ) AS TIMESTAMP_NTZ)) AS DOUBLE) / 60)) - FLOOR((CAST(DATE_PART(EPOCH_SECOND, CAST(CAST("users"."created_date" AS TIMESTAMP_NTZ) AS TIMESTAMP_NTZ)) AS DOUBLE) / 60))) AS BIGINT)
-- args [2026-11-27 10:00:00]

-- diff_hours(${users.created_date}, now())
CAST((FLOOR((CAST(DATE_PART(EPOCH_SECOND, CAST(CAST(? AS TIMESTAMP_NTZ) AS TIMESTAMP_NTZ)) AS DOUBLE) / 3600)) - FLOOR((CAST(DATE_PART(EPOCH_SECOND, CAST(CAST("users"."created_date" AS TIMESTAMP_NTZ) AS TIMESTAMP_NTZ)) AS DOUBLE) / 3600))) AS BIGINT)
-- args [2026-11-27 10:00:00]

-- diff_days(${users.created_date}, now())
CAST((FLOOR((CAST(DATE_PART(EPOCH_SECOND, CAST(CAST(? AS TIMESTAMP_NTZ) AS TIMESTAMP_NTZ)) AS DOUBLE) / 86400)) - FLOOR((CAST(DATE_PART(EPOCH_SECOND, CAST(CAST("users"."created_date" AS TIMESTAMP_NTZ) AS TIMESTAMP_NTZ)) AS DOUBLE) / 86400))) AS BIGINT)
-- args [2026-11-27 10:00:00]

-- diff_months(${users.created_date}, now())
(((EXTRACT(YEAR FROM CAST(? AS TIMESTAMP_NTZ)) - EXTRACT(YEAR FROM CAST("users"."created_date" AS TIMESTAMP_NTZ))) * 12) + (EXTRACT(MONTH FROM CAST(? AS TIMESTAMP_NTZ)) - EXTRACT(MONTH FROM CAST("users"."created_date" AS TIMESTAMP_NTZ))))
-- args [2026-11-27 10:00:00 2026-11-27 10:00:00]

-- diff_years(${users.created_date}, now())
(EXTRACT(YEAR FROM CAST(? AS TIMESTAMP_NTZ)) - EXTRACT(YEAR FROM CAST("users"."created_date" AS TIMESTAMP_NTZ)))
-- args [2026-11-27 10:00:00]

-- extract_seconds(${users.created_date}) + extract_minutes(${users.created_date}) + extract_hours(${users.created_date})
((EXTRACT(SECOND FROM CAST("users"."created_date" AS TIMESTAMP_NTZ)) + EXTRACT(MINUTE FROM CAST("users"."created_date" AS TIMESTAMP_NTZ))) + EXTRACT(HOUR FROM CAST("users"."created_date" AS TIMESTAMP_NTZ)))
-- args []

-- extract_days(${users.created_date}) + extract_months(${users.created_date}) + extract_years(${users.created_date})
((EXTRACT(DAY FROM CAST("users"."created_date" AS TIMESTAMP_NTZ)) + EXTRACT(MONTH FROM CAST("users"."created_date" AS TIMESTAMP_NTZ))) + EXTRACT(YEAR FROM CAST("users"."created_date" AS TIMESTAMP_NTZ)))
-- args []

-- extract_day_of_week(${users.created_date}) + extract_day_of_year(${users.created_date})
((EXTRACT(DAYOFWEEKISO FROM CAST("users"."created_date" AS TIMESTAMP_NTZ)) - 1) + EXTRACT(DAYOFYEAR FROM CAST("users"."created_date" AS TIMESTAMP_NTZ)))
-- args []

-- extract_unix_timestamp(${users.created_date})
DATE_PART(EPOCH_SECOND, CAST(CAST("users"."created_date" AS TIMESTAMP_NTZ) AS TIMESTAMP_NTZ))
-- args []

-- trunc_minutes(${users.created_date}) < trunc_hours(${users.created_date})
(CAST(DATE_TRUNC('minute', CAST("users"."created_date" AS TIMESTAMP_NTZ)) AS TIMESTAMP_NTZ) < CAST(DATE_TRUNC('hour', CAST("users"."created_date" AS TIMESTAMP_NTZ)) AS TIMESTAMP_NTZ))
-- args []

-- trunc_days(${users.created_date}) < trunc_weeks(${users.created_date})
(CAST(DATE_TRUNC('day', CAST("users"."created_date" AS TIMESTAMP_NTZ)) AS TIMESTAMP_NTZ) < CAST(DATE_TRUNC('week', CAST("users"."created_date" AS TIMESTAMP_NTZ)) AS TIMESTAMP_NTZ))
-- args []

-- trunc_months(${users.created_date}) < trunc_quarters(${users.created_date}) OR trunc_years(now()) = date(2026, 1, 1)
(((CAST(DATE_TRUNC('month', CAST("users"."created_date" AS TIMESTAMP_NTZ)) AS TIMESTAMP_NTZ) < CAST(DATE_TRUNC('quarter', CAST("users"."created_date" AS TIMESTAMP_NTZ)) AS TIMESTAMP_NTZ))) OR ((CAST(DATE_TRUNC('year', CAST(? AS TIMESTAMP_NTZ)) AS TIMESTAMP_NTZ) = CAST(? AS DATE))))
-- args [2026-11-27 10:00:00 2026-01-01]

