SELECT
    `orders`.`status` AS `orders_status`,
    COUNT(*) AS `orders_count`
FROM `orders` AS `orders`
GROUP BY 1
ORDER BY 2 DESC, 1
LIMIT 500
-- args:
