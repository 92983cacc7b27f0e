SELECT
    `users`.`city` AS `users_city`,
    COALESCE(SUM(CASE WHEN (`orders`.`status` = @p1) THEN `orders`.`amount` END), 0) AS `orders_total_amount|FIELD|complete`,
    COALESCE(SUM(CASE WHEN (`orders`.`status` = @p2) THEN `orders`.`amount` END), 0) AS `orders_total_amount|FIELD|pending`
FROM `orders` AS `orders`
LEFT JOIN `users` AS `users` ON (`orders`.`user_id` = `users`.`id`)
GROUP BY 1
ORDER BY 1 NULLS LAST
-- args: @p1="complete" @p2="pending"
