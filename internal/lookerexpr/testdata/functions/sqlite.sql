-- length(${users.state})
LENGTH("users"."state")
-- args []

-- position(${users.state}, "a")
instr("users"."state", ?)
-- args [a]

-- substring(${users.state}, 2, 3)
CASE WHEN (((CAST(? AS INTEGER) < 1)) OR ((CAST(? AS INTEGER) < 0))) THEN NULL ELSE substr("users"."state", CAST(? AS INTEGER), CAST(? AS INTEGER)) END
-- args [2 3 2 3]

-- replace(${users.state}, "a", "b")
REPLACE("users"."state", ?, ?)
-- args [a b]

-- contains(${users.state}, lower(${users.state}))
(instr("users"."state", LOWER("users"."state")) > 0)
-- args []

-- starts_with(${users.state}, upper(${users.state}))
(instr("users"."state", UPPER("users"."state")) = 1)
-- args []

-- ends_with(${users.state}, concat("a", ${users.state}))
(((LENGTH("users"."state") >= LENGTH((CAST(? AS TEXT) || CAST("users"."state" AS TEXT))))) AND ((substr("users"."state", ((LENGTH("users"."state") - LENGTH((CAST(? AS TEXT) || CAST("users"."state" AS TEXT)))) + 1), LENGTH((CAST(? AS TEXT) || CAST("users"."state" AS TEXT)))) = (CAST(? AS TEXT) || CAST("users"."state" AS TEXT)))))
-- args [a a a a]

-- ln(${users.age}) + log(${users.age}) + exp(${users.age}) + sqrt(${users.age})
(((CASE WHEN (CAST("users"."age" AS REAL) > 0) THEN LN(CAST("users"."age" AS REAL)) END + CASE WHEN (CAST("users"."age" AS REAL) > 0) THEN LOG10(CAST("users"."age" AS REAL)) END) + CASE WHEN (CAST("users"."age" AS REAL) > 709) THEN NULL WHEN (CAST("users"."age" AS REAL) < -708) THEN 0 ELSE EXP(CAST("users"."age" AS REAL)) END) + CASE WHEN (CAST("users"."age" AS REAL) >= 0) THEN SQRT(CAST("users"."age" AS REAL)) END)
-- args []

-- sin(${users.age}) + cos(${users.age}) + tan(${users.age}) + asin(${users.age}) + acos(${users.age}) + atan(${users.age})
(((((SIN(CAST("users"."age" AS REAL)) + COS(CAST("users"."age" AS REAL))) + TAN(CAST("users"."age" AS REAL))) + CASE WHEN (((CAST("users"."age" AS REAL) >= -1)) AND ((CAST("users"."age" AS REAL) <= 1))) THEN ASIN(CAST("users"."age" AS REAL)) END) + CASE WHEN (((CAST("users"."age" AS REAL) >= -1)) AND ((CAST("users"."age" AS REAL) <= 1))) THEN ACOS(CAST("users"."age" AS REAL)) END) + ATAN(CAST("users"."age" AS REAL)))
-- args []

-- power(${users.age}, 0.5)
CASE WHEN (ABS(CAST(? AS REAL)) > 1e+15) THEN NULL WHEN (CAST("users"."age" AS REAL) = 0) THEN CASE WHEN (CAST(? AS REAL) < 0) THEN NULL WHEN (CAST(? AS REAL) = 0) THEN 1 ELSE 0 END WHEN (((CAST("users"."age" AS REAL) < 0)) AND ((CAST(? AS REAL) <> FLOOR(CAST(? AS REAL))))) THEN NULL WHEN ((CAST(? AS REAL) * LN(ABS(CAST("users"."age" AS REAL)))) > 709) THEN NULL WHEN ((CAST(? AS REAL) * LN(ABS(CAST("users"."age" AS REAL)))) < -708) THEN 0 ELSE POWER(CAST("users"."age" AS REAL), CAST(? AS REAL)) END
-- args [0.5 0.5 0.5 0.5 0.5 0.5 0.5 0.5]

-- case(when(${users.age} < 20, "young"), when(${users.active}, "active"), "other")
CASE WHEN ("users"."age" < CAST(? AS INTEGER)) THEN ? WHEN "users"."active" THEN ? ELSE ? END
-- args [20 young active other]

-- choose(${users.age} / 10, "a", "b", "c") = case(when(${users.created_date} > date_time(2024, 2, 29, 23, 59, 58), "z"))
(CASE FLOOR(CAST((CAST("users"."age" AS REAL) / NULLIF(CAST(? AS INTEGER), 0)) AS REAL)) WHEN 1 THEN ? WHEN 2 THEN ? WHEN 3 THEN ? END = CASE WHEN ("users"."created_date" > CAST(? AS TEXT)) THEN ? END)
-- args [10 a b c 2024-02-29 23:59:58 z]

-- mod(${users.age}, 7)
MOD("users"."age", NULLIF(CAST(? AS INTEGER), 0))
-- args [7]

-- add_seconds(1, ${users.created_date})
CAST(datetime(CAST("users"."created_date" AS TEXT), CAST(CAST(? AS INTEGER) AS INTEGER) || ' seconds') AS TEXT)
-- args [1]

-- add_minutes(2, ${users.created_date})
CAST(datetime(CAST("users"."created_date" AS TEXT), CAST(CAST(? AS INTEGER) AS INTEGER) || ' minutes') AS TEXT)
-- args [2]

-- add_hours(3, ${users.created_date})
CAST(datetime(CAST("users"."created_date" AS TEXT), CAST(CAST(? AS INTEGER) AS INTEGER) || ' hours') AS TEXT)
-- args [3]

-- add_days(-4, ${users.created_date})
CAST(datetime(CAST("users"."created_date" AS TEXT), CAST(CAST(FLOOR((-CAST(? AS INTEGER))) AS INTEGER) AS INTEGER) || ' days') AS TEXT)
-- args [4]

-- add_months(5, ${users.created_date})
CAST(datetime(CAST("users"."created_date" AS TEXT), CAST(CAST(? AS INTEGER) AS INTEGER) || ' months') AS TEXT)
-- args [5]

-- add_years(6, ${users.created_date})
CAST(datetime(CAST("users"."created_date" AS TEXT), CAST(CAST(? AS INTEGER) AS INTEGER) || ' years') AS TEXT)
-- args [6]

-- diff_seconds(${users.created_date}, now())
CAST((CAST(strftime('%s', CAST(? AS TEXT)) AS INTEGER) - CAST(strftime('%s', CAST("users"."created_date" AS TEXT)) AS INTEGER)) AS INTEGER)
-- args [2026-11-27 10:00:00]

-- diff_minutes(${users.created_date}, now())
CAST((FLOOR((CAST(CAST(strftime('%s', CAST(? AS TEXT)) AS INTEGER) AS REAL) / 60)) - FLOOR((CAST(CAST(strftime('%s', CAST("users"."created_date" AS TEXT)) AS INTEGER) AS REAL) / 60))) AS INTEGER)
-- args [2026-11-27 10:00:00]

-- diff_hours(${users.created_date}, now())
CAST((FLOOR((CAST(CAST(strftime('%s', CAST(? AS TEXT)) AS INTEGER) AS REAL) / 3600)) - FLOOR((CAST(CAST(strftime('%s', CAST("users"."created_date" AS TEXT)) AS INTEGER) AS REAL) / 3600))) AS INTEGER)
-- args [2026-11-27 10:00:00]

-- diff_days(${users.created_date}, now())
CAST((FLOOR((CAST(CAST(strftime('%s', CAST(? AS TEXT)) AS INTEGER) AS REAL) / 86400)) - FLOOR((CAST(CAST(strftime('%s', CAST("users"."created_date" AS TEXT)) AS INTEGER) AS REAL) / 86400))) AS INTEGER)
-- args [2026-11-27 10:00:00]

-- diff_months(${users.created_date}, now())
(((CAST(strftime('%Y', CAST(? AS TEXT)) AS INTEGER) - CAST(strftime('%Y', CAST("users"."created_date" AS TEXT)) AS INTEGER)) * 12) + (CAST(strftime('%m', CAST(? AS TEXT)) AS INTEGER) - CAST(strftime('%m', CAST("users"."created_date" AS TEXT)) AS INTEGER)))
-- args [2026-11-27 10:00:00 2026-11-27 10:00:00]

-- diff_years(${users.created_date}, now())
(CAST(strftime('%Y', CAST(? AS TEXT)) AS INTEGER) - CAST(strftime('%Y', CAST("users"."created_date" AS TEXT)) AS INTEGER))
-- args [2026-11-27 10:00:00]

-- extract_seconds(${users.created_date}) + extract_minutes(${users.created_date}) + extract_hours(${users.created_date})
((CAST(strftime('%S', CAST("users"."created_date" AS TEXT)) AS INTEGER) + CAST(strftime('%M', CAST("users"."created_date" AS TEXT)) AS INTEGER)) + CAST(strftime('%H', CAST("users"."created_date" AS TEXT)) AS INTEGER))
-- args []

-- extract_days(${users.created_date}) + extract_months(${users.created_date}) + extract_years(${users.created_date})
((CAST(strftime('%d', CAST("users"."created_date" AS TEXT)) AS INTEGER) + CAST(strftime('%m', CAST("users"."created_date" AS TEXT)) AS INTEGER)) + CAST(strftime('%Y', CAST("users"."created_date" AS TEXT)) AS INTEGER))
-- args []

-- extract_day_of_week(${users.created_date}) + extract_day_of_year(${users.created_date})
((CAST(strftime('%u', CAST("users"."created_date" AS TEXT)) AS INTEGER) - 1) + CAST(strftime('%j', CAST("users"."created_date" AS TEXT)) AS INTEGER))
-- args []

-- extract_unix_timestamp(${users.created_date})
CAST(strftime('%s', CAST("users"."created_date" AS TEXT)) AS INTEGER)
-- args []

-- trunc_minutes(${users.created_date}) < trunc_hours(${users.created_date})
(CAST(strftime('%Y-%m-%d %H:%M:00', CAST("users"."created_date" AS TEXT)) AS TEXT) < CAST(strftime('%Y-%m-%d %H:00:00', CAST("users"."created_date" AS TEXT)) AS TEXT))
-- args []

-- trunc_days(${users.created_date}) < trunc_weeks(${users.created_date})
(CAST(date(CAST("users"."created_date" AS TEXT)) AS TEXT) < CAST(date(CAST("users"."created_date" AS TEXT), '-6 days', 'weekday 1') AS TEXT))
-- args []

-- trunc_months(${users.created_date}) < trunc_quarters(${users.created_date}) OR trunc_years(now()) = date(2026, 1, 1)
(((CAST(date(CAST("users"."created_date" AS TEXT), 'start of month') AS TEXT) < CAST(date(CAST("users"."created_date" AS TEXT), 'start of month', '-' || ((CAST(strftime('%m', CAST("users"."created_date" AS TEXT)) AS INTEGER) - 1) % 3) || ' months') AS TEXT))) OR ((CAST(date(CAST(? AS TEXT), 'start of year') AS TEXT) = CAST(? AS TEXT))))
-- args [2026-11-27 10:00:00 2026-01-01]

