view: orders {
  sql_table_name: public.orders ;;

  dimension: id {
    primary_key: yes
    type: number
  }
  dimension: user_id {
    type: number
    hidden: yes
  }
  dimension: status {}
  dimension_group: created {
    type: time
    timeframes: [raw, time, date, week, month, quarter, year]
    sql: ${TABLE}.created_at ;;
  }
  dimension: is_complete {
    type: yesno
    sql: ${status} = 'complete' ;;
  }
  measure: count {
    type: count
  }
  measure: complete_count {
    type: count
    filters: [status: "complete"]
  }
  measure: completion_rate {
    type: number
    sql: ${complete_count} * 1.0 / NULLIF(${count}, 0) ;;
    value_format_name: percent_1
  }
  measure: total_items_sold {
    type: sum
    sql: ${order_items.count} ;;
  }
}
