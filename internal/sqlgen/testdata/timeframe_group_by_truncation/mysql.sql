SELECT
    DATE_FORMAT(DATE(DATE_FORMAT(`orders`.`created_at`, '%Y-%m-01')), '%Y-%m') AS `orders.created_month`,
    CONCAT(DATE_FORMAT((MAKEDATE(YEAR(`orders`.`created_at`), 1) + INTERVAL (QUARTER(`orders`.`created_at`) - 1) QUARTER), '%Y'), '-Q', CAST(QUARTER((MAKEDATE(YEAR(`orders`.`created_at`), 1) + INTERVAL (QUARTER(`orders`.`created_at`) - 1) QUARTER)) AS CHAR)) AS `orders.created_quarter`,
    COUNT(*) AS `orders.count`
FROM `orders` AS `orders`
GROUP BY DATE(DATE_FORMAT(`orders`.`created_at`, '%Y-%m-01')), (MAKEDATE(YEAR(`orders`.`created_at`), 1) + INTERVAL (QUARTER(`orders`.`created_at`) - 1) QUARTER)
ORDER BY 1 DESC
-- args:
