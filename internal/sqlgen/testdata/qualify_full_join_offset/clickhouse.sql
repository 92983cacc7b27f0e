SELECT
    `orders`.`id` AS `orders.id`,
    `users`.`city` AS `users.city`
FROM `orders` AS `orders`
FULL OUTER JOIN `users` AS `users` ON (`orders`.`user_id` = `users`.`id`)
QUALIFY (ROW_NUMBER() OVER (PARTITION BY `users`.`city` ORDER BY `orders`.`id`) = 1)
ORDER BY 1
LIMIT 10 OFFSET 20
-- args:
