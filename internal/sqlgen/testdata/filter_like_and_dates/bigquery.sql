SELECT
    `orders`.`id` AS `orders_id`,
    `orders`.`status` AS `orders_status`
FROM `orders` AS `orders`
LEFT JOIN `users` AS `users` ON (`orders`.`user_id` = `users`.`id`)
WHERE (((UPPER(`orders`.`status`) = UPPER(@p1) OR UPPER(`orders`.`status`) LIKE UPPER(@p2) OR UPPER(`orders`.`status`) LIKE UPPER(@p3))) AND (((`orders`.`created_at`) >= @p4 AND (`orders`.`created_at`) < @p5)) AND (((`orders`.`amount`) >= @p6 AND (`orders`.`amount`) <= @p7)) AND ((((`users`.`city`) NOT LIKE @p8) OR ((`users`.`city`) IS NULL))))
ORDER BY 1
-- args: @p1="100%" @p2="COMP%" @p3="pen_ing" @p4=2024-01-01T00:00:00Z @p5=2024-06-01T00:00:00Z @p6=20 @p7=200 @p8="%a\\_b\\%!%"
