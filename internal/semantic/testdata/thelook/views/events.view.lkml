view: events {
  sql_table_name: public.events ;;

  dimension: id {
    primary_key: yes
    type: number
  }
  dimension: user_id {
    type: number
  }
  dimension: viewed_product_id {
    type: number
  }
  dimension: event_type {}
  dimension_group: event {
    type: time
    timeframes: [raw, time, date, hour_of_day, day_of_week]
    sql: ${TABLE}.created_at ;;
  }
  measure: count {
    type: count
  }
  measure: unique_visitors {
    type: count_distinct
    sql: ${user_id} ;;
  }
}
