SELECT
    `users.country` AS `users.country`,
    `users.age_tier` AS `users.age_tier`,
    `users.age_tier__sort_` AS `users.age_tier__sort_`,
    `users.count` AS `users.count`,
    `z___pivot_row_rank` AS `z___pivot_row_rank`,
    `z__pivot_col_rank` AS `z__pivot_col_rank`
FROM (
    SELECT
        `xx`.*,
        DENSE_RANK() OVER (ORDER BY `z___min_rank`, CASE WHEN (`users.country`) IS NULL THEN 1 ELSE 0 END, `users.country`) AS `z___pivot_row_rank`,
        ROW_NUMBER() OVER (PARTITION BY `z__pivot_col_rank` ORDER BY `z___min_rank`, CASE WHEN (`users.country`) IS NULL THEN 1 ELSE 0 END, `users.country`) AS `z__pivot_col_ordering`
    FROM (
        SELECT
            `aa`.*,
            MIN(`z___rank`) OVER (PARTITION BY `users.country`) AS `z___min_rank`
        FROM (
            SELECT
                `bb`.*,
                RANK() OVER (ORDER BY `z__pivot_col_rank`) AS `z___rank`
            FROM (
                SELECT
                    `ww`.*,
                    DENSE_RANK() OVER (ORDER BY CASE WHEN (`users.age_tier__sort_`) IS NULL THEN 1 ELSE 0 END, `users.age_tier__sort_`) AS `z__pivot_col_rank`
                FROM (
                    SELECT
                        `users`.country AS `users.country`,
                        CASE WHEN ((`users`.age) < 0) THEN 'Below 0' WHEN ((((`users`.age) >= 0)) AND (((`users`.age) < 10))) THEN '0 to 9' WHEN ((((`users`.age) >= 10)) AND (((`users`.age) < 20))) THEN '10 to 19' WHEN ((((`users`.age) >= 20)) AND (((`users`.age) < 30))) THEN '20 to 29' WHEN ((((`users`.age) >= 30)) AND (((`users`.age) < 40))) THEN '30 to 39' WHEN ((((`users`.age) >= 40)) AND (((`users`.age) < 50))) THEN '40 to 49' WHEN ((((`users`.age) >= 50)) AND (((`users`.age) < 60))) THEN '50 to 59' WHEN ((((`users`.age) >= 60)) AND (((`users`.age) < 70))) THEN '60 to 69' WHEN ((`users`.age) >= 70) THEN '70 or Above' ELSE 'Undefined' END AS `users.age_tier`,
                        CASE WHEN ((`users`.age) < 0) THEN '00' WHEN ((((`users`.age) >= 0)) AND (((`users`.age) < 10))) THEN '01' WHEN ((((`users`.age) >= 10)) AND (((`users`.age) < 20))) THEN '02' WHEN ((((`users`.age) >= 20)) AND (((`users`.age) < 30))) THEN '03' WHEN ((((`users`.age) >= 30)) AND (((`users`.age) < 40))) THEN '04' WHEN ((((`users`.age) >= 40)) AND (((`users`.age) < 50))) THEN '05' WHEN ((((`users`.age) >= 50)) AND (((`users`.age) < 60))) THEN '06' WHEN ((((`users`.age) >= 60)) AND (((`users`.age) < 70))) THEN '07' WHEN ((`users`.age) >= 70) THEN '08' ELSE '09' END AS `users.age_tier__sort_`,
                        COUNT(*) AS `users.count`
                    FROM users AS `users`
                    GROUP BY 1, 2, 3
                ) AS `ww`
            ) AS `bb`
            WHERE (`z__pivot_col_rank` <= 50)
        ) AS `aa`
    ) AS `xx`
) AS `zz`
WHERE (((`z___pivot_row_rank` <= 500)) OR ((`z__pivot_col_ordering` = 1)))
ORDER BY `z___pivot_row_rank`, `z__pivot_col_rank`
-- args:
-- columns: users.country(dimension) users.age_tier(dimension) users.age_tier__sort_(dimension,hidden) users.count(measure) z___pivot_row_rank(dimension,hidden) z__pivot_col_rank(dimension,hidden)
-- pivots: users.age_tier
