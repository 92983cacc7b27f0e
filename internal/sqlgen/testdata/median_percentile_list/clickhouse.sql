SELECT
    median(`orders`.`amount`) AS `orders.median_amount`,
    quantile(0.9)(`orders`.`amount`) AS `orders.amount_p90`,
    arrayStringConcat(groupUniqArray(toString(`orders`.`status`)), '|RECORD|') AS `orders.status_list`
FROM `orders` AS `orders`
-- args:
