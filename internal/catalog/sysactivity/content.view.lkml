# Views over content and query history. Their sa_* views come with the
# content and queries tables (see the model file).
view: dashboard {
  sql_table_name: sa_dashboard ;;
  dimension: id {
    primary_key: yes
    sql: ${TABLE}.id ;;
  }
  dimension: title {
    sql: ${TABLE}.title ;;
  }
  dimension: description {
    sql: ${TABLE}.description ;;
  }
  dimension: user_id {
    type: number
    sql: ${TABLE}.user_id ;;
  }
  dimension: space_id {
    type: number
    sql: ${TABLE}.folder_id ;;
  }
  dimension: hidden {
    type: yesno
    sql: ${TABLE}.hidden ;;
  }
  dimension: refresh_interval {
    sql: ${TABLE}.refresh_interval ;;
  }
  dimension: query_timezone {
    sql: ${TABLE}.query_timezone ;;
  }
  dimension: link {
    sql: '/dashboards/' || ${TABLE}.id ;;
  }
  dimension_group: created {
    type: time
    timeframes: [raw, time, date, week, month, year]
    sql: ${TABLE}.created_time ;;
  }
  dimension_group: deleted {
    type: time
    timeframes: [raw, time, date]
    sql: ${TABLE}.deleted_time ;;
  }
  measure: count {
    type: count
  }
}

view: look {
  sql_table_name: sa_look ;;
  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: title {
    sql: ${TABLE}.title ;;
  }
  dimension: description {
    sql: ${TABLE}.description ;;
  }
  dimension: public {
    type: yesno
    sql: ${TABLE}.public ;;
  }
  dimension: query_id {
    type: number
    sql: ${TABLE}.query_id ;;
  }
  dimension: space_id {
    type: number
    sql: ${TABLE}.folder_id ;;
  }
  dimension: user_id {
    type: number
    sql: ${TABLE}.user_id ;;
  }
  dimension: link {
    sql: '/looks/' || ${TABLE}.id ;;
  }
  dimension_group: created {
    type: time
    timeframes: [raw, time, date, month]
    sql: ${TABLE}.created_time ;;
  }
  dimension_group: updated {
    type: time
    timeframes: [raw, time, date]
    sql: ${TABLE}.updated_time ;;
  }
  dimension_group: deleted {
    type: time
    timeframes: [raw, time, date]
    sql: ${TABLE}.deleted_time ;;
  }
  measure: count {
    type: count
  }
}

view: query {
  sql_table_name: sa_query ;;
  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: model {
    sql: ${TABLE}.model ;;
  }
  dimension: view {
    label: "Explore"
    sql: ${TABLE}.view ;;
  }
  dimension: fields {
    sql: ${TABLE}.fields ;;
  }
  dimension: filters {
    sql: ${TABLE}.filters ;;
  }
  dimension: pivots {
    sql: ${TABLE}.pivots ;;
  }
  dimension: sorts {
    sql: ${TABLE}.sorts ;;
  }
  dimension: limit {
    sql: ${TABLE}.row_limit ;;
  }
  dimension: slug {
    sql: ${TABLE}.slug ;;
  }
  dimension_group: created {
    type: time
    timeframes: [raw, time, date]
    sql: ${TABLE}.created_time ;;
  }
  measure: count {
    type: count
  }
}

view: history {
  sql_table_name: sa_history ;;
  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: query_id {
    type: number
    sql: ${TABLE}.query_id ;;
  }
  dimension: user_id {
    type: number
    sql: ${TABLE}.user_id ;;
  }
  dimension: dashboard_id {
    sql: ${TABLE}.dashboard_id ;;
  }
  dimension: look_id {
    type: number
    sql: ${TABLE}.look_id ;;
  }
  dimension: source {
    sql: ${TABLE}.source ;;
  }
  dimension: status {
    sql: ${TABLE}.status ;;
  }
  dimension: result_format {
    sql: ${TABLE}.result_format ;;
  }
  dimension: cache {
    type: yesno
    sql: ${TABLE}.cache ;;
  }
  dimension: connection_name {
    sql: ${TABLE}.connection_name ;;
  }
  dimension: dialect {
    sql: ${TABLE}.dialect ;;
  }
  dimension: slug {
    sql: ${TABLE}.slug ;;
  }
  dimension: runtime {
    type: number
    sql: ${TABLE}.runtime ;;
    value_format_name: decimal_2
  }
  dimension: result_count {
    type: number
    sql: ${TABLE}.result_count ;;
  }
  dimension: runtime_tiers {
    type: tier
    tiers: [0, 1, 5, 10, 30, 60, 300]
    style: relational
    sql: ${runtime} ;;
  }
  dimension_group: created {
    type: time
    timeframes: [raw, time, date, week, month, hour_of_day]
    sql: ${TABLE}.created_time ;;
  }
  dimension_group: completed {
    type: time
    timeframes: [raw, time, date]
    sql: ${TABLE}.completed_time ;;
  }
  measure: count {
    type: count
  }
  measure: query_run_count {
    type: count_distinct
    sql: ${id} ;;
  }
  measure: total_runtime {
    type: sum
    sql: ${runtime} ;;
  }
  measure: average_runtime {
    type: average
    sql: ${runtime} ;;
    value_format_name: decimal_2
  }
  measure: max_runtime {
    type: max
    sql: ${runtime} ;;
  }
  measure: min_runtime {
    type: min
    sql: ${runtime} ;;
  }
}
