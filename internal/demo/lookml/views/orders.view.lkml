view: orders {
  sql_table_name: orders ;;

  dimension: order_id {
    primary_key: yes
    type: number
    sql: ${TABLE}.order_id ;;
  }
  dimension: user_id {
    type: number
    hidden: yes
    sql: ${TABLE}.user_id ;;
  }
  dimension: status {
    sql: ${TABLE}.status ;;
  }
  dimension: gender {
    sql: ${TABLE}.gender ;;
  }
  dimension: num_of_item {
    label: "Number of Items"
    type: number
    sql: ${TABLE}.num_of_item ;;
  }
  dimension: is_returned {
    type: yesno
    sql: ${TABLE}.returned_at IS NOT NULL ;;
  }
  dimension_group: created {
    type: time
    timeframes: [raw, time, date, week, month, quarter, year, day_of_week, hour_of_day]
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
  dimension_group: shipping {
    type: duration
    intervals: [hour, day]
    sql_start: ${TABLE}.created_at ;;
    sql_end: ${TABLE}.shipped_at ;;
  }
  filter: status_filter {
    type: string
    suggest_dimension: status
  }
  measure: count {
    type: count
  }
  measure: total_items {
    type: sum
    sql: ${num_of_item} ;;
  }
  measure: average_items {
    type: average
    sql: ${num_of_item} ;;
    value_format_name: decimal_2
  }
  measure: count_returned {
    type: count
    filters: [is_returned: "yes"]
  }
}
