SELECT
    'it''s a \\ "test"' AS `label`,
    TRUE AS `yes`,
    NULL AS `nothing`,
    CAST(`orders`.`id` AS CHAR) AS `id_text`,
    CAST('7' AS SIGNED) AS `seven`,
    MOD(`orders`.`id`, 2) AS `odd`,
    (-2.5) AS `minus`,
    CASE `orders`.`status` WHEN 'complete' THEN 'Yes' ELSE 'No' END AS `orders.is_complete`
FROM orders AS `orders`
WHERE (((`orders`.`status`) IN (?, ?)) AND ((`orders`.`amount`) BETWEEN ? AND ?))
ORDER BY `orders`.`id`
LIMIT 18446744073709551615 OFFSET 1
-- args: ?="complete" ?="pending" ?=1 ?=1000
