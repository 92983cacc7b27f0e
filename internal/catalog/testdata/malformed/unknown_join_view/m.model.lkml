connection: "x"
view: users {
  sql_table_name: users ;;
  dimension: id {
    primary_key: yes
    type: number
  }
}
explore: users {
  join: nothing_here {
    sql_on: 1 = 1 ;;
  }
}
