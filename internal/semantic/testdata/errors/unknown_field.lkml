connection: "x"
view: users {
  dimension: id { primary_key: yes }
  dimension: name { sql: ${TABLE}.name || ${nickname} ;; }
}
view: orders {
  dimension: id { primary_key: yes }
  dimension: user_id {}
  dimension: buyer {
    sql: ${users.nme} ;;
  }
  dimension: seller { sql: ${sellers.name} ;; }
  dimension: table { sql: ${nowhere.SQL_TABLE_NAME} ;; }
}
explore: orders {
  sql_always_where: ${orders.stauts} = 1 ;;
  join: users {
    sql_on: ${orders.user_id} = ${users.idd} ;;
  }
}
