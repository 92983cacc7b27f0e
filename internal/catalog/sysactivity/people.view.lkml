view: user {
  sql_table_name: sa_user ;;
  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: first_name {
    sql: ${TABLE}.first_name ;;
  }
  dimension: last_name {
    sql: ${TABLE}.last_name ;;
  }
  dimension: name {
    sql: ${first_name} || ' ' || ${last_name} ;;
  }
  dimension: email {
    sql: ${TABLE}.email ;;
  }
  dimension: locale {
    sql: ${TABLE}.locale ;;
  }
  dimension: is_disabled {
    type: yesno
    sql: ${TABLE}.is_disabled ;;
  }
  dimension: is_service_account {
    type: yesno
    sql: ${TABLE}.is_service_account ;;
  }
  dimension: home_space_id {
    label: "Home Folder ID"
    type: number
    sql: ${TABLE}.home_folder_id ;;
  }
  dimension_group: created {
    type: time
    timeframes: [raw, time, date, week, month, year]
    sql: ${TABLE}.created_time ;;
  }
  dimension_group: last_login {
    type: time
    timeframes: [raw, time, date]
    sql: ${TABLE}.last_login_time ;;
  }
  measure: count {
    type: count
  }
}

view: group {
  sql_table_name: sa_group ;;
  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: name {
    sql: ${TABLE}.name ;;
  }
  dimension: external_group_id {
    sql: ${TABLE}.external_group_id ;;
  }
  measure: count {
    type: count
  }
}

view: user_group {
  sql_table_name: sa_group_user ;;
  dimension: key {
    primary_key: yes
    hidden: yes
    sql: ${TABLE}.group_id || '-' || ${TABLE}.user_id ;;
  }
  dimension: group_id {
    type: number
    hidden: yes
    sql: ${TABLE}.group_id ;;
  }
  dimension: user_id {
    type: number
    hidden: yes
    sql: ${TABLE}.user_id ;;
  }
}

view: role {
  sql_table_name: sa_role ;;
  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: name {
    sql: ${TABLE}.name ;;
  }
  dimension: permission_set_name {
    sql: ${TABLE}.permission_set_name ;;
  }
  dimension: model_set_name {
    sql: ${TABLE}.model_set_name ;;
  }
  measure: count {
    type: count
  }
}

view: user_role {
  sql_table_name: sa_role_user ;;
  dimension: key {
    primary_key: yes
    hidden: yes
    sql: ${TABLE}.role_id || '-' || ${TABLE}.user_id ;;
  }
  dimension: role_id {
    type: number
    hidden: yes
    sql: ${TABLE}.role_id ;;
  }
  dimension: user_id {
    type: number
    hidden: yes
    sql: ${TABLE}.user_id ;;
  }
}
