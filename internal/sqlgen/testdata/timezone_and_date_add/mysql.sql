SELECT
    DATE_FORMAT(TIMESTAMP(DATE_FORMAT(CONVERT_TZ(`orders`.`created_at`, 'UTC', 'America/New_York'), '%Y-%m-%d %H:%i:%s')), '%Y-%m-%d %H:%i:%s') AS `orders.created_time`,
    DATE_FORMAT(DATE(DATE_ADD(`orders`.`created_at`, INTERVAL (?) DAY)), '%Y-%m-%d') AS `orders.created_minus_3_days`,
    DATE_FORMAT(DATE(DATE_FORMAT(DATE_ADD(`orders`.`created_at`, INTERVAL (1) QUARTER), '%Y-%m-01')), '%Y-%m') AS `orders.created_next_quarter`
FROM `orders` AS `orders`
WHERE (`orders`.`id` = ?)
-- args: ?=-3 ?=1
