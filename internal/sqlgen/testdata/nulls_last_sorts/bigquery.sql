SELECT
    `users`.`city` AS `users_city`,
    MAX(`orders`.`amount`) AS `orders_max_amount`
FROM `orders` AS `orders`
LEFT JOIN `users` AS `users` ON (`orders`.`user_id` = `users`.`id`)
GROUP BY 1
ORDER BY 1 DESC NULLS LAST, 2 NULLS FIRST
-- args:
