SELECT
    ROUND(COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE(`orders`.`amount`, 0) * (1 / 1000 * 1.0), 9) AS NUMERIC)) + ((CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(`orders`.`id` AS STRING))), 1, 15)) AS INT64) AS NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(`orders`.`id` AS STRING))), 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001)) - SUM(DISTINCT (CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(`orders`.`id` AS STRING))), 1, 15)) AS INT64) AS NUMERIC) * 4294967296 + CAST(CAST(CONCAT('0x', SUBSTR(TO_HEX(MD5(CAST(`orders`.`id` AS STRING))), 16, 8)) AS INT64) AS NUMERIC)) * 0.000000001)) / (1 / 1000 * 1.0) AS FLOAT64), 0), 6) AS `orders_total_amount`,
    COUNT(`order_items`.`id`) AS `order_items_count`
FROM `orders` AS `orders`
LEFT JOIN `order_items` AS `order_items` ON (`order_items`.`order_id` = `orders`.`id`)
WHERE ((`orders`.`status`) <> @p1 OR (`orders`.`status`) IS NULL)
-- args: @p1="cancelled"
