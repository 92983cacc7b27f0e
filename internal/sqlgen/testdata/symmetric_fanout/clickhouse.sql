SELECT
    `users`.`city` AS `users.city`,
    arraySum(arrayMap(t -> t.2, groupUniqArray((toString(`orders`.`id`), toFloat64(ifNull(`orders`.`amount`, 0)))))) AS `orders.total_amount`,
    (arraySum(arrayMap(t -> t.2, groupUniqArray((toString(`orders`.`id`), toFloat64(ifNull(`orders`.`amount`, 0))))))) / NULLIF(COUNT(DISTINCT CASE WHEN (`orders`.`amount`) IS NOT NULL THEN `orders`.`id` ELSE NULL END), 0) AS `orders.average_amount`,
    COUNT(DISTINCT `orders`.`id`) AS `orders.count`,
    COUNT(DISTINCT `order_items`.`id`) AS `order_items.count`,
    SUM(`order_items`.`sale_price`) AS `order_items.total_sale_price`
FROM `orders` AS `orders`
LEFT JOIN `order_items` AS `order_items` ON (`order_items`.`order_id` = `orders`.`id`)
LEFT JOIN `users` AS `users` ON (`orders`.`user_id` = `users`.`id`)
GROUP BY 1
ORDER BY 1 NULLS LAST
-- args:
