SELECT
    arraySum(arrayMap(t -> t.2, groupUniqArray((toString(`orders`.`id`), toFloat64(ifNull(`orders`.`amount`, 0)))))) AS `orders.total_amount`,
    COUNT(`order_items`.`id`) AS `order_items.count`
FROM `orders` AS `orders`
LEFT JOIN `order_items` AS `order_items` ON (`order_items`.`order_id` = `orders`.`id`)
WHERE ((`orders`.`status`) <> ? OR (`orders`.`status`) IS NULL)
-- args: ?="cancelled"
