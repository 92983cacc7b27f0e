# A SQL derived table: one row per user with their lifetime order figures.
view: user_order_facts {
  derived_table: {
    sql:
      SELECT user_id,
             COUNT(DISTINCT order_id) AS lifetime_orders,
             SUM(sale_price) AS lifetime_revenue,
             MIN(created_at) AS first_order_at
      FROM order_items
      GROUP BY user_id ;;
    datagroup_trigger: thelook_default_datagroup
  }

  dimension: user_id {
    primary_key: yes
    type: number
    hidden: yes
    sql: ${TABLE}.user_id ;;
  }
  dimension: lifetime_orders {
    type: number
    sql: ${TABLE}.lifetime_orders ;;
  }
  dimension: lifetime_orders_tier {
    type: tier
    tiers: [1, 2, 3, 5, 10]
    style: integer
    sql: ${lifetime_orders} ;;
  }
  dimension: lifetime_revenue {
    type: number
    sql: ${TABLE}.lifetime_revenue ;;
    value_format_name: usd
  }
  dimension: is_repeat_customer {
    type: yesno
    sql: ${lifetime_orders} > 1 ;;
  }
  dimension_group: first_order {
    type: time
    timeframes: [raw, date, month, year]
    sql: ${TABLE}.first_order_at ;;
  }
  measure: average_lifetime_revenue {
    type: average
    sql: ${lifetime_revenue} ;;
    value_format_name: usd
  }
}
