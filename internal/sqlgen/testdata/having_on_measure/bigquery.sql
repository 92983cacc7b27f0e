SELECT
    `orders`.`status` AS `orders_status`,
    COALESCE(SUM(`orders`.`amount`), 0) AS `orders_total_amount`
FROM `orders` AS `orders`
WHERE ((`orders`.`status`) <> @p1 OR (`orders`.`status`) IS NULL)
GROUP BY 1
HAVING (COALESCE(SUM(`orders`.`amount`), 0) > @p2)
ORDER BY 2 DESC
LIMIT 500
-- args: @p1="cancelled" @p2=60
