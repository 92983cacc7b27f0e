connection: "x"
view: users {
  sql_table_name: users ;;
  dimension: id {
    primary_key: yes
    type: number
  }
}
view: +orders {
  dimension: extra {}
}
explore: users {}
