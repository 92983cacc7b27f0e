view: order_facts {
  derived_table: {
    sql:
      SELECT
        order_id,   -- a SQL comment; the single ';' is ordinary SQL
        SUM(price) AS total  # hash is not a LookML comment inside SQL
      FROM orders
      WHERE status <> 'cancelled'
      GROUP BY 1
      ;;
  }
  dimension: total { type: number sql: ${TABLE}.total ;; }
}
explore: orders {
  join: order_facts {
    relationship: one_to_one
    sql_on:
      ${orders.id} = ${order_facts.order_id}
      AND ${orders.created_date} >= '2020-01-01'
    ;;
  }
}
