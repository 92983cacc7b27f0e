view: order_items {
  sql_table_name: order_items ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: order_id {
    type: number
    sql: ${TABLE}.order_id ;;
  }
  dimension: user_id {
    type: number
    hidden: yes
    sql: ${TABLE}.user_id ;;
  }
  dimension: product_id {
    type: number
    hidden: yes
    sql: ${TABLE}.product_id ;;
  }
  dimension: inventory_item_id {
    type: number
    hidden: yes
    sql: ${TABLE}.inventory_item_id ;;
  }
  dimension: status {
    sql: ${TABLE}.status ;;
  }
  dimension: sale_price {
    type: number
    sql: ${TABLE}.sale_price ;;
    value_format_name: usd
  }
  dimension: sale_price_tier {
    type: tier
    tiers: [0, 25, 50, 100, 250, 500]
    style: relational
    sql: ${sale_price} ;;
  }
  dimension: is_returned {
    type: yesno
    sql: ${TABLE}.returned_at IS NOT NULL ;;
  }
  dimension_group: created {
    type: time
    timeframes: [raw, time, date, week, month, quarter, year, month_name, day_of_week]
    sql: ${TABLE}.created_at ;;
  }
  dimension_group: shipped {
    type: time
    timeframes: [raw, date, week, month]
    sql: ${TABLE}.shipped_at ;;
  }
  dimension_group: delivered {
    type: time
    timeframes: [raw, date, week, month]
    sql: ${TABLE}.delivered_at ;;
  }
  dimension_group: returned {
    type: time
    timeframes: [raw, date, week, month]
    sql: ${TABLE}.returned_at ;;
  }
  parameter: price_measure {
    type: unquoted
    default_value: "sum"
    allowed_value: {
      label: "Total"
      value: "sum"
    }
    allowed_value: {
      label: "Average"
      value: "avg"
    }
  }
  measure: count {
    type: count
  }
  measure: order_count {
    type: count_distinct
    sql: ${order_id} ;;
  }
  measure: total_sale_price {
    type: sum
    sql: ${sale_price} ;;
    value_format_name: usd
  }
  measure: average_sale_price {
    type: average
    sql: ${sale_price} ;;
    value_format_name: usd
  }
  measure: median_sale_price {
    type: median
    sql: ${sale_price} ;;
    value_format_name: usd
  }
  measure: returned_count {
    type: count
    filters: [is_returned: "yes"]
  }
  measure: dynamic_sale_price {
    label: "Sale Price (chosen)"
    type: number
    sql: {% parameter price_measure %}(${sale_price}) ;;
    value_format: "$#,##0.00"
  }
}
