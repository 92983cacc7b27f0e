view: order_items {
  sql_table_name: public.order_items ;;

  dimension: id {
    primary_key: yes
    type: number
  }
  dimension: order_id {
    type: number
    hidden: yes
  }
  dimension: inventory_item_id {
    type: number
    hidden: yes
  }
  dimension: sale_price {
    type: number
    value_format_name: usd
  }
  dimension: gross_margin {
    type: number
    sql: ${sale_price} - ${inventory_items.cost} ;;
  }
  dimension_group: returned {
    type: time
    timeframes: [raw, date, week, month]
    sql: ${TABLE}.returned_at ;;
  }
  dimension_group: fulfillment {
    type: duration
    intervals: [hour, day, week]
    sql_start: ${orders.created_raw} ;;
    sql_end: ${returned_raw} ;;
  }
  dimension: is_returned {
    type: yesno
    sql: ${returned_raw} IS NOT NULL ;;
  }
  measure: count {
    type: count
  }
  measure: total_sale_price {
    type: sum
    sql: ${sale_price} ;;
    value_format_name: usd
  }
  measure: average_sale_price {
    type: average
    sql: ${sale_price} ;;
  }
  measure: total_gross_margin {
    type: sum
    sql: ${gross_margin} ;;
  }
  measure: distinct_total {
    type: sum_distinct
    sql_distinct_key: ${order_id} ;;
    sql: ${sale_price} ;;
  }
  measure: distinct_average {
    type: average_distinct
    sql_distinct_key: ${order_id} ;;
    sql: ${sale_price} ;;
  }
  measure: distinct_median {
    type: median_distinct
    sql_distinct_key: ${order_id} ;;
    sql: ${sale_price} ;;
  }
  measure: distinct_p75 {
    type: percentile_distinct
    percentile: 75
    sql_distinct_key: ${order_id} ;;
    sql: ${sale_price} ;;
  }
  measure: returned_total {
    type: sum
    sql: ${sale_price} ;;
    filters: [is_returned: "yes", orders.status: "-cancelled"]
  }
  measure: average_per_order {
    type: number
    sql: ${total_sale_price} / NULLIF(${orders.count}, 0) ;;
  }
  measure: running_sales {
    type: running_total
    sql: ${total_sale_price} ;;
  }
  measure: share_of_sales {
    type: percent_of_total
    direction: column
    sql: ${total_sale_price} ;;
  }
  measure: sales_change {
    type: percent_of_previous
    sql: ${total_sale_price} ;;
  }
  measure: sales_last_year {
    type: period_over_period
    based_on: total_sale_price
    based_on_time: orders.created_year
    period: year
    kind: previous
  }
}
