SELECT
    formatDateTime(toStartOfMonth(`orders`.`created_at`), '%Y-%m') AS `orders.created_month`,
    CONCAT(formatDateTime(toStartOfQuarter(`orders`.`created_at`), '%Y'), '-Q', CAST(toQuarter(toStartOfQuarter(`orders`.`created_at`)) AS String)) AS `orders.created_quarter`,
    COUNT(*) AS `orders.count`
FROM `orders` AS `orders`
GROUP BY toStartOfMonth(`orders`.`created_at`), toStartOfQuarter(`orders`.`created_at`)
ORDER BY 1 DESC
-- args:
