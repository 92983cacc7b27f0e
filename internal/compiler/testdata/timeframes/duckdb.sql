SELECT
    CAST(EXTRACT(YEAR FROM "order_items".created_at) AS INTEGER) AS "order_items.created_year",
    (strftime(DATE_TRUNC('quarter', "order_items".created_at), '%Y') || '-Q' || CAST(CAST(EXTRACT(QUARTER FROM DATE_TRUNC('quarter', "order_items".created_at)) AS INTEGER) AS VARCHAR)) AS "order_items.created_quarter",
    CASE CAST(EXTRACT(MONTH FROM "order_items".created_at) AS INTEGER) WHEN 1 THEN 'January' WHEN 2 THEN 'February' WHEN 3 THEN 'March' WHEN 4 THEN 'April' WHEN 5 THEN 'May' WHEN 6 THEN 'June' WHEN 7 THEN 'July' WHEN 8 THEN 'August' WHEN 9 THEN 'September' WHEN 10 THEN 'October' WHEN 11 THEN 'November' WHEN 12 THEN 'December' END AS "order_items.created_month_name",
    CASE CAST(EXTRACT(ISODOW FROM "order_items".created_at) AS INTEGER) WHEN 1 THEN 'Monday' WHEN 2 THEN 'Tuesday' WHEN 3 THEN 'Wednesday' WHEN 4 THEN 'Thursday' WHEN 5 THEN 'Friday' WHEN 6 THEN 'Saturday' WHEN 7 THEN 'Sunday' END AS "order_items.created_day_of_week",
    COUNT(*) AS "order_items.count"
FROM order_items AS "order_items"
GROUP BY CAST(EXTRACT(YEAR FROM "order_items".created_at) AS INTEGER), DATE_TRUNC('quarter', "order_items".created_at), CASE CAST(EXTRACT(MONTH FROM "order_items".created_at) AS INTEGER) WHEN 1 THEN 'January' WHEN 2 THEN 'February' WHEN 3 THEN 'March' WHEN 4 THEN 'April' WHEN 5 THEN 'May' WHEN 6 THEN 'June' WHEN 7 THEN 'July' WHEN 8 THEN 'August' WHEN 9 THEN 'September' WHEN 10 THEN 'October' WHEN 11 THEN 'November' WHEN 12 THEN 'December' END, CASE CAST(EXTRACT(ISODOW FROM "order_items".created_at) AS INTEGER) WHEN 1 THEN 'Monday' WHEN 2 THEN 'Tuesday' WHEN 3 THEN 'Wednesday' WHEN 4 THEN 'Thursday' WHEN 5 THEN 'Friday' WHEN 6 THEN 'Saturday' WHEN 7 THEN 'Sunday' END
ORDER BY 1 DESC NULLS FIRST, 2 NULLS LAST, 3 NULLS LAST, 4 NULLS LAST
LIMIT 500
-- args:
-- columns: order_items.created_year(dimension) order_items.created_quarter(dimension) order_items.created_month_name(dimension) order_items.created_day_of_week(dimension) order_items.count(measure)
