SELECT
    `users`.`city` AS `users.city`,
    MAX(`orders`.`amount`) AS `orders.max_amount`
FROM `orders` AS `orders`
LEFT JOIN `users` AS `users` ON (`orders`.`user_id` = `users`.`id`)
GROUP BY 1
ORDER BY CASE WHEN (`users`.`city`) IS NULL THEN 1 ELSE 0 END, 1 DESC, CASE WHEN (MAX(`orders`.`amount`)) IS NULL THEN 0 ELSE 1 END, 2
-- args:
