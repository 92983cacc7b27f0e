connection: "x"
view: users {
  sql_table_name: users ;;
  dimension: id {
    primary_key: yes
    type: number
  }
}
explore: users {
  always_filter: {
    filters: [users.nope: "1"]
  }
}
