SELECT
    `users`.`city` AS `users.city`,
    COALESCE(SUM(CASE WHEN (`orders`.`status` = ?) THEN `orders`.`amount` END), 0) AS `orders.total_amount|FIELD|complete`,
    COALESCE(SUM(CASE WHEN (`orders`.`status` = ?) THEN `orders`.`amount` END), 0) AS `orders.total_amount|FIELD|pending`
FROM `orders` AS `orders`
LEFT JOIN `users` AS `users` ON (`orders`.`user_id` = `users`.`id`)
GROUP BY 1
ORDER BY CASE WHEN (`users`.`city`) IS NULL THEN 1 ELSE 0 END, 1
-- args: ?="complete" ?="pending"
