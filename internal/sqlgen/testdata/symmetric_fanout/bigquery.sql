SELECT
    `users`.`city` AS `users_city`,
    ROUND(COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE(`orders`.`amount`, 0) * (1 / 1000 * 1.0), 9) AS NUMERIC)) + ((CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(`orders`.`id` AS STRING))), 1, 15)) AS INT64) AS NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(`orders`.`id` AS STRING))), 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001)) - SUM(DISTINCT (CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(`orders`.`id` AS STRING))), 1, 15)) AS INT64) AS NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(`orders`.`id` AS STRING))), 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001)) / (1 / 1000 * 1.0) AS FLOAT64), 0), 6) AS `orders_total_amount`,
    (ROUND(COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE(`orders`.`amount`, 0) * (1 / 1000 * 1.0), 9) AS NUMERIC)) + ((CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(`orders`.`id` AS STRING))), 1, 15)) AS INT64) AS NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(`orders`.`id` AS STRING))), 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001)) - SUM(DISTINCT (CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(`orders`.`id` AS STRING))), 1, 15)) AS INT64) AS NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(`orders`.`id` AS STRING))), 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001)) / (1 / 1000 * 1.0) AS FLOAT64), 0), 6)) / NULLIF(COUNT(DISTINCT CASE WHEN (`orders`.`amount`) IS NOT NULL THEN `orders`.`id` ELSE NULL END), 0) AS `orders_average_amount`,
    COUNT(DISTINCT `orders`.`id`) AS `orders_count`,
    COUNT(DISTINCT `order_items`.`id`) AS `order_items_count`,
    SUM(`order_items`.`sale_price`) AS `order_items_total_sale_price`
FROM `orders` AS `orders`
LEFT JOIN `order_items` AS `order_items` ON (`order_items`.`order_id` = `orders`.`id`)
LEFT JOIN `users` AS `users` ON (`orders`.`user_id` = `users`.`id`)
GROUP BY 1
ORDER BY 1 NULLS LAST
-- args:
