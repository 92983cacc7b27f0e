SELECT
    FORMAT_DATETIME('%Y-%m', CAST(DATETIME_TRUNC(CAST(`orders`.`created_at` AS DATETIME), MONTH) AS DATETIME)) AS `orders_created_month`,
    CONCAT(FORMAT_DATETIME('%Y', CAST(DATETIME_TRUNC(CAST(`orders`.`created_at` AS DATETIME), QUARTER) AS DATETIME)), '-Q', CAST(EXTRACT(QUARTER FROM DATETIME_TRUNC(CAST(`orders`.`created_at` AS DATETIME), QUARTER)) AS STRING)) AS `orders_created_quarter`,
    COUNT(*) AS `orders_count`
FROM `orders` AS `orders`
GROUP BY DATETIME_TRUNC(CAST(`orders`.`created_at` AS DATETIME), MONTH), DATETIME_TRUNC(CAST(`orders`.`created_at` AS DATETIME), QUARTER)
ORDER BY 1 DESC
-- args:
