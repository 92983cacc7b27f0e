SELECT
    'it\'s a \\ "test"' AS `label`,
    TRUE AS `yes`,
    NULL AS `nothing`,
    CAST(`orders`.`amount` AS CHAR) AS `amount_text`,
    CAST('7' AS SIGNED) AS `seven`,
    MOD(`orders`.`id`, 2) AS `odd`,
    (-2.5) AS `minus`,
    CASE `orders`.`status` WHEN 'complete' THEN 'Yes' ELSE 'No' END AS `orders.is_complete`
FROM orders AS `orders`
WHERE (((`orders`.`status`) IN (?, ?)) AND ((`orders`.`amount`) BETWEEN ? AND ?))
LIMIT 18446744073709551615 OFFSET 1
-- args: ?="complete" ?="pending" ?=1 ?=1000
