# Scheduled plans and their deliveries (migration 00190).
view: scheduled_plan {
  sql_table_name: sa_scheduled_plan ;;
  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: name {
    sql: ${TABLE}.name ;;
  }
  dimension: user_id {
    type: number
    sql: ${TABLE}.user_id ;;
  }
  dimension: look_id {
    type: number
    sql: ${TABLE}.look_id ;;
  }
  dimension: dashboard_id {
    type: number
    sql: ${TABLE}.dashboard_id ;;
  }
  dimension: lookml_dashboard_id {
    sql: ${TABLE}.lookml_dashboard_id ;;
  }
  dimension: query_id {
    type: number
    sql: ${TABLE}.query_id ;;
  }
  dimension: cron_schedule {
    sql: ${TABLE}.crontab ;;
  }
  dimension: timezone {
    sql: ${TABLE}.timezone ;;
  }
  dimension: datagroup {
    sql: ${TABLE}.datagroup ;;
  }
  dimension: enabled {
    type: yesno
    sql: ${TABLE}.enabled ;;
  }
  dimension: run_once {
    type: yesno
    sql: ${TABLE}.run_once ;;
  }
  dimension: content_type {
    sql: CASE WHEN ${TABLE}.look_id IS NOT NULL THEN 'Look'
              WHEN ${TABLE}.dashboard_id IS NOT NULL THEN 'Dashboard'
              WHEN ${TABLE}.lookml_dashboard_id <> '' THEN 'LookML Dashboard'
              ELSE 'Query' END ;;
  }
  dimension_group: created {
    type: time
    timeframes: [raw, time, date, week, month, year]
    sql: ${TABLE}.created_time ;;
  }
  dimension_group: updated {
    type: time
    timeframes: [raw, time, date]
    sql: ${TABLE}.updated_time ;;
  }
  measure: count {
    type: count
  }
}

view: scheduled_plan_destination {
  sql_table_name: sa_scheduled_plan_destination ;;
  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: scheduled_plan_id {
    type: number
    sql: ${TABLE}.scheduled_plan_id ;;
  }
  dimension: type {
    sql: ${TABLE}.type ;;
  }
  dimension: format {
    sql: ${TABLE}.format ;;
  }
  dimension: apply_formatting {
    type: yesno
    sql: ${TABLE}.apply_formatting ;;
  }
  dimension: apply_vis {
    type: yesno
    sql: ${TABLE}.apply_vis ;;
  }
  measure: count {
    type: count
  }
}

view: scheduled_job {
  sql_table_name: sa_scheduled_job ;;
  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: scheduled_plan_id {
    type: number
    sql: ${TABLE}.scheduled_plan_id ;;
  }
  dimension: delivery_id {
    sql: ${TABLE}.delivery_id ;;
  }
  dimension: status {
    sql: ${TABLE}.status ;;
  }
  dimension: status_detail {
    sql: ${TABLE}.status_detail ;;
  }
  dimension: attempts {
    type: number
    sql: ${TABLE}.attempts ;;
  }
  dimension: runtime {
    type: number
    sql: ${TABLE}.runtime ;;
  }
  dimension_group: fire {
    type: time
    timeframes: [raw, time, minute, hour, date, week, month]
    sql: ${TABLE}.fire_time ;;
  }
  dimension_group: created {
    type: time
    timeframes: [raw, time, date]
    sql: ${TABLE}.created_time ;;
  }
  dimension_group: finalized {
    type: time
    timeframes: [raw, time, date]
    sql: ${TABLE}.finalized_time ;;
  }
  measure: count {
    type: count
  }
  measure: success_count {
    type: count
    filters: [status: "success"]
  }
  measure: failure_count {
    type: count
    filters: [status: "failure"]
  }
  measure: average_runtime {
    type: average
    sql: ${runtime} ;;
    value_format_name: decimal_2
  }
}
