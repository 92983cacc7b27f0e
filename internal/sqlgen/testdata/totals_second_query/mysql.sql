SELECT
    COALESCE(CAST((SUM(DISTINCT (CAST(ROUND(COALESCE(`orders`.`amount`, 0) * (1000000 * 1.0)) AS DECIMAL(65,0))) + (CAST(CONV(SUBSTR(MD5(`orders`.`id`), 1, 16), 16, 10) AS DECIMAL(65,0)) * 18446744073709551616 + CAST(CONV(SUBSTR(MD5(`orders`.`id`), 17, 16), 16, 10) AS DECIMAL(65,0)))) - SUM(DISTINCT CAST(CONV(SUBSTR(MD5(`orders`.`id`), 1, 16), 16, 10) AS DECIMAL(65,0)) * 18446744073709551616 + CAST(CONV(SUBSTR(MD5(`orders`.`id`), 17, 16), 16, 10) AS DECIMAL(65,0)))) AS DOUBLE) / CAST((1000000 * 1.0) AS DOUBLE), 0) AS `orders.total_amount`,
    COUNT(`order_items`.`id`) AS `order_items.count`
FROM `orders` AS `orders`
LEFT JOIN `order_items` AS `order_items` ON (`order_items`.`order_id` = `orders`.`id`)
WHERE ((`orders`.`status`) <> ? OR (`orders`.`status`) IS NULL)
-- args: ?="cancelled"
