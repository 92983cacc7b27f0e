SELECT
    formatDateTime(toDateTime(toTimeZone(toDateTime(`orders`.`created_at`, 'UTC'), 'America/New_York')), '%Y-%m-%d %H:%i:%S') AS `orders.created_time`,
    formatDateTime(toDate(date_add(DAY, toInt64(?), `orders`.`created_at`)), '%Y-%m-%d') AS `orders.created_minus_3_days`,
    formatDateTime(toStartOfMonth(date_add(QUARTER, toInt64(1), `orders`.`created_at`)), '%Y-%m') AS `orders.created_next_quarter`
FROM `orders` AS `orders`
WHERE (`orders`.`id` = ?)
-- args: ?=-3 ?=1
