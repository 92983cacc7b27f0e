view: events {
  sql_table_name: events ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: user_id {
    type: number
    hidden: yes
    sql: ${TABLE}.user_id ;;
  }
  dimension: sequence_number {
    type: number
    sql: ${TABLE}.sequence_number ;;
  }
  dimension: session_id {
    sql: ${TABLE}.session_id ;;
  }
  dimension: ip_address {
    sql: ${TABLE}.ip_address ;;
  }
  dimension: city {
    sql: ${TABLE}.city ;;
  }
  dimension: state {
    sql: ${TABLE}.state ;;
  }
  dimension: postal_code {
    type: zipcode
    sql: ${TABLE}.postal_code ;;
  }
  dimension: browser {
    sql: ${TABLE}.browser ;;
  }
  dimension: traffic_source {
    sql: ${TABLE}.traffic_source ;;
  }
  dimension: uri {
    label: "URI"
    sql: ${TABLE}.uri ;;
  }
  dimension: event_type {
    sql: ${TABLE}.event_type ;;
  }
  dimension: is_entry_event {
    type: yesno
    sql: ${sequence_number} = 1 ;;
  }
  dimension_group: created {
    type: time
    timeframes: [raw, time, date, week, month, hour_of_day, day_of_week]
    sql: ${TABLE}.created_at ;;
  }
  measure: count {
    type: count
  }
  measure: unique_visitors {
    type: count_distinct
    sql: ${user_id} ;;
  }
  measure: sessions_count {
    type: count_distinct
    sql: ${session_id} ;;
  }
}
