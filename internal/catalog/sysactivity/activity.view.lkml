view: folders {
  sql_table_name: sa_folder ;;
  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: name {
    sql: ${TABLE}.name ;;
  }
  dimension: parent_id {
    type: number
    sql: ${TABLE}.parent_id ;;
  }
  dimension: creator_id {
    type: number
    hidden: yes
    sql: ${TABLE}.creator_id ;;
  }
  dimension: is_personal {
    type: yesno
    sql: ${TABLE}.is_personal ;;
  }
  dimension_group: created {
    type: time
    timeframes: [raw, time, date, month]
    sql: ${TABLE}.created_time ;;
  }
  measure: count {
    type: count
  }
}

view: event {
  sql_table_name: sa_event ;;
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
  dimension: sudo_user_id {
    type: number
    sql: ${TABLE}.sudo_user_id ;;
  }
  dimension: object_type {
    sql: ${TABLE}.object_type ;;
  }
  dimension: object_id {
    sql: ${TABLE}.object_id ;;
  }
  dimension: status {
    type: number
    sql: ${TABLE}.status ;;
  }
  dimension_group: created {
    type: time
    timeframes: [raw, time, date, week, month, hour_of_day]
    sql: ${TABLE}.created_time ;;
  }
  measure: count {
    type: count
  }
}
