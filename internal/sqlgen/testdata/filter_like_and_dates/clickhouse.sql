SELECT
    `orders`.`id` AS `orders.id`,
    `orders`.`status` AS `orders.status`
FROM `orders` AS `orders`
LEFT JOIN `users` AS `users` ON (`orders`.`user_id` = `users`.`id`)
WHERE (((UPPER(`orders`.`status`) = UPPER(?) OR (`orders`.`status`) ILIKE ? ESCAPE '!' OR (`orders`.`status`) ILIKE ? ESCAPE '!')) AND (((`orders`.`created_at`) >= ? AND (`orders`.`created_at`) < ?)) AND (((`orders`.`amount`) >= ? AND (`orders`.`amount`) <= ?)) AND ((((`users`.`city`) NOT LIKE ? ESCAPE '!') OR ((`users`.`city`) IS NULL))))
ORDER BY 1
-- args: ?="100%" ?="COMP%" ?="pen_ing" ?=2024-01-01T00:00:00Z ?=2024-06-01T00:00:00Z ?=20 ?=200 ?="%a!_b!%!!%"
