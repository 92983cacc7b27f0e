SELECT
    'it\'s a \\ "test"' AS `label`,
    TRUE AS `yes`,
    NULL AS `nothing`,
    CAST(`orders`.`id` AS STRING) AS `id_text`,
    CAST('7' AS INT64) AS `seven`,
    MOD(`orders`.`id`, 2) AS `odd`,
    (-2.5) AS `minus`,
    CASE `orders`.`status` WHEN 'complete' THEN 'Yes' ELSE 'No' END AS `orders_is_complete`
FROM orders AS `orders`
WHERE (((`orders`.`status`) IN (@p1, @p2)) AND ((`orders`.`amount`) BETWEEN @p3 AND @p4))
ORDER BY `orders`.`id`
OFFSET 1
-- args: @p1="complete" @p2="pending" @p3=1 @p4=1000
