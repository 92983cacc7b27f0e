SELECT
    APPROX_QUANTILES(`orders`.`amount`, 2)[OFFSET(1)] AS `orders_median_amount`,
    APPROX_QUANTILES(`orders`.`amount`, 1000)[OFFSET(CAST(ROUND(0.9 * 1000) AS INT64))] AS `orders_amount_p90`,
    STRING_AGG(DISTINCT CAST(`orders`.`status` AS STRING), '|RECORD|') AS `orders_status_list`
FROM `orders` AS `orders`
-- args:
