SELECT
    "users.state" AS "users.state",
    "order_items.count" AS "order_items.count",
    "order_items.total_sale_price" AS "order_items.total_sale_price",
    "users.gender" AS "users.gender",
    "order_items.created_year" AS "order_items.created_year",
    "z___pivot_row_rank" AS "z___pivot_row_rank",
    "z__pivot_col_rank" AS "z__pivot_col_rank"
FROM (
    SELECT
        "xx".*,
        DENSE_RANK() OVER (ORDER BY "z___min_rank", "users.state" NULLS LAST) AS "z___pivot_row_rank",
        ROW_NUMBER() OVER (PARTITION BY "z__pivot_col_rank" ORDER BY "z___min_rank", "users.state" NULLS LAST) AS "z__pivot_col_ordering"
    FROM (
        SELECT
            "aa".*,
            MIN("z___rank") OVER (PARTITION BY "users.state") AS "z___min_rank"
        FROM (
            SELECT
                "bb".*,
                RANK() OVER (ORDER BY "order_items.created_year" DESC NULLS FIRST, "order_items.total_sale_price" DESC NULLS FIRST, "users.state" NULLS LAST, "users.gender" NULLS LAST, "z__pivot_col_rank") AS "z___rank"
            FROM (
                SELECT
                    "ww".*,
                    DENSE_RANK() OVER (ORDER BY "users.gender" NULLS LAST, "order_items.created_year" DESC NULLS LAST) AS "z__pivot_col_rank"
                FROM (
                    SELECT
                        "users".state AS "users.state",
                        COUNT(*) AS "order_items.count",
                        COALESCE(SUM(("order_items".sale_price)), 0) AS "order_items.total_sale_price",
                        "users".gender AS "users.gender",
                        CAST(EXTRACT(YEAR FROM "order_items".created_at) AS INTEGER) AS "order_items.created_year"
                    FROM order_items AS "order_items"
                    LEFT JOIN users AS "users" ON ("order_items".user_id  =  "users".id)
                    GROUP BY 1, 4, CAST(EXTRACT(YEAR FROM "order_items".created_at) AS INTEGER)
                ) AS "ww"
            ) AS "bb"
            WHERE ("z__pivot_col_rank" <= 10)
        ) AS "aa"
    ) AS "xx"
) AS "zz"
WHERE ((("z___pivot_row_rank" <= 500)) OR (("z__pivot_col_ordering" = 1)))
ORDER BY "z___pivot_row_rank", "z__pivot_col_rank"
-- args:
-- columns: users.state(dimension) order_items.count(measure) order_items.total_sale_price(measure) users.gender(dimension) order_items.created_year(dimension) z___pivot_row_rank(dimension,hidden) z__pivot_col_rank(dimension,hidden)
-- pivots: users.gender, order_items.created_year
