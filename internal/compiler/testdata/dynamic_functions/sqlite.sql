SELECT
    "orders".status AS "orders.status",
    CAST((FLOOR((CAST(CAST(strftime('%s', CAST(datetime(CAST(date(CAST(date("orders".created_at) AS TEXT), 'start of month') AS TEXT), CAST(CAST(? AS INTEGER) AS INTEGER) || ' months') AS TEXT)) AS INTEGER) AS REAL) / 86400)) - FLOOR((CAST(CAST(strftime('%s', CAST(date("orders".created_at) AS TEXT)) AS INTEGER) AS REAL) / 86400))) AS INTEGER) AS "orders.days",
    COUNT(*) AS "orders.count"
FROM orders AS "orders"
WHERE ((((((CAST(strftime('%u', CAST(date("orders".created_at) AS TEXT)) AS INTEGER) - 1) < CAST(? AS INTEGER))) AND ((LENGTH(CASE WHEN (((CAST(? AS INTEGER) < 1)) OR ((CAST(? AS INTEGER) < 0))) THEN NULL ELSE substr("orders".status, CAST(? AS INTEGER), CAST(? AS INTEGER)) END) = CAST(? AS INTEGER))))) AND ((CASE WHEN (ABS(CAST(CAST(? AS INTEGER) AS REAL)) > 1e+15) THEN NULL WHEN (CAST(CAST(strftime('%m', CAST(date("orders".created_at, 'start of month') AS TEXT)) AS INTEGER) AS REAL) = 0) THEN CASE WHEN (CAST(CAST(? AS INTEGER) AS REAL) < 0) THEN NULL WHEN (CAST(CAST(? AS INTEGER) AS REAL) = 0) THEN 1 ELSE 0 END WHEN (((CAST(CAST(strftime('%m', CAST(date("orders".created_at, 'start of month') AS TEXT)) AS INTEGER) AS REAL) < 0)) AND ((CAST(CAST(? AS INTEGER) AS REAL) <> FLOOR(CAST(CAST(? AS INTEGER) AS REAL))))) THEN NULL WHEN ((CAST(CAST(? AS INTEGER) AS REAL) * LN(ABS(CAST(CAST(strftime('%m', CAST(date("orders".created_at, 'start of month') AS TEXT)) AS INTEGER) AS REAL)))) > 709) THEN NULL WHEN ((CAST(CAST(? AS INTEGER) AS REAL) * LN(ABS(CAST(CAST(strftime('%m', CAST(date("orders".created_at, 'start of month') AS TEXT)) AS INTEGER) AS REAL)))) < -708) THEN 0 ELSE POWER(CAST(CAST(strftime('%m', CAST(date("orders".created_at, 'start of month') AS TEXT)) AS INTEGER) AS REAL), CAST(CAST(? AS INTEGER) AS REAL)) END > CAST(? AS INTEGER))))
GROUP BY 1, 2
ORDER BY 3 DESC NULLS FIRST, 1 NULLS LAST, 2 NULLS LAST
LIMIT 500
-- args: 1 5 1 3 1 3 3 2 2 2 2 2 2 2 2 1
-- columns: orders.status(dimension) days(dimension) orders.count(measure)
