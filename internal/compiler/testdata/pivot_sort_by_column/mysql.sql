SELECT
    `products.brand` AS `products.brand`,
    `order_items.status` AS `order_items.status`,
    `order_items.count` AS `order_items.count`,
    `z___pivot_row_rank` AS `z___pivot_row_rank`,
    `z__pivot_col_rank` AS `z__pivot_col_rank`
FROM (
    SELECT
        `xx`.*,
        DENSE_RANK() OVER (ORDER BY CASE WHEN (`z__pivot_sort_0`) IS NULL THEN 0 ELSE 1 END, `z__pivot_sort_0` DESC, `z___min_rank`, CASE WHEN (`products.brand`) IS NULL THEN 1 ELSE 0 END, `products.brand`) AS `z___pivot_row_rank`,
        ROW_NUMBER() OVER (PARTITION BY `z__pivot_col_rank` ORDER BY CASE WHEN (`z__pivot_sort_0`) IS NULL THEN 0 ELSE 1 END, `z__pivot_sort_0` DESC, `z___min_rank`, CASE WHEN (`products.brand`) IS NULL THEN 1 ELSE 0 END, `products.brand`) AS `z__pivot_col_ordering`
    FROM (
        SELECT
            `aa`.*,
            MIN(`z___rank`) OVER (PARTITION BY `products.brand`) AS `z___min_rank`,
            MAX(CASE WHEN (`z__pivot_col_rank` = 2) THEN `order_items.count` END) OVER (PARTITION BY `products.brand`) AS `z__pivot_sort_0`
        FROM (
            SELECT
                `bb`.*,
                RANK() OVER (ORDER BY CASE WHEN (`order_items.count`) IS NULL THEN 0 ELSE 1 END, `order_items.count` DESC, CASE WHEN (`products.brand`) IS NULL THEN 1 ELSE 0 END, `products.brand`, CASE WHEN (`order_items.status`) IS NULL THEN 1 ELSE 0 END, `order_items.status`, `z__pivot_col_rank`) AS `z___rank`
            FROM (
                SELECT
                    `ww`.*,
                    DENSE_RANK() OVER (ORDER BY CASE WHEN (`order_items.status`) IS NULL THEN 1 ELSE 0 END, `order_items.status`) AS `z__pivot_col_rank`
                FROM (
                    SELECT
                        `products`.brand AS `products.brand`,
                        `order_items`.status AS `order_items.status`,
                        COUNT(*) AS `order_items.count`
                    FROM order_items AS `order_items`
                    LEFT JOIN products AS `products` ON (`order_items`.product_id  =  `products`.id)
                    GROUP BY 1, 2
                ) AS `ww`
            ) AS `bb`
            WHERE (`z__pivot_col_rank` <= 50)
        ) AS `aa`
    ) AS `xx`
) AS `zz`
WHERE (((`z___pivot_row_rank` <= 500)) OR ((`z__pivot_col_ordering` = 1)))
ORDER BY `z___pivot_row_rank`, `z__pivot_col_rank`
-- args:
-- columns: products.brand(dimension) order_items.status(dimension) order_items.count(measure) z___pivot_row_rank(dimension,hidden) z__pivot_col_rank(dimension,hidden)
-- pivots: order_items.status
