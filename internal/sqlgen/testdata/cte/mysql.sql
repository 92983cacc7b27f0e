WITH `big_orders` AS (
    SELECT
        `orders`.`id` AS `id`,
        `orders`.`user_id` AS `user_id`,
        `orders`.`amount` AS `amount`
    FROM `orders` AS `orders`
    WHERE (`orders`.`amount` >= ?)
)
SELECT
    `users`.`city` AS `users.city`,
    COUNT(*) AS `big_orders.count`
FROM `big_orders` AS `big_orders`
LEFT JOIN `users` AS `users` ON (`big_orders`.`user_id` = `users`.`id`)
GROUP BY 1
ORDER BY 2 DESC, CASE WHEN (`users`.`city`) IS NULL THEN 0 ELSE 1 END, 1
-- args: ?=20
