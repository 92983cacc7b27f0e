SELECT
    FORMAT_DATETIME('%Y-%m-%d %H:%M:%S', CAST(DATETIME_TRUNC(CAST(DATETIME(TIMESTAMP(CAST(`orders`.`created_at` AS DATETIME), 'UTC'), 'America/New_York') AS DATETIME), SECOND) AS DATETIME)) AS `orders_created_time`,
    FORMAT_DATETIME('%Y-%m-%d', CAST(DATETIME_TRUNC(CAST(DATETIME_ADD(CAST(`orders`.`created_at` AS DATETIME), INTERVAL CAST(@p1 AS INT64) DAY) AS DATETIME), DAY) AS DATETIME)) AS `orders_created_minus_3_days`,
    FORMAT_DATETIME('%Y-%m', CAST(DATETIME_TRUNC(CAST(DATETIME_ADD(CAST(`orders`.`created_at` AS DATETIME), INTERVAL CAST(1 AS INT64) QUARTER) AS DATETIME), MONTH) AS DATETIME)) AS `orders_created_next_quarter`
FROM `orders` AS `orders`
WHERE (`orders`.`id` = @p2)
-- args: @p1=-3 @p2=1
