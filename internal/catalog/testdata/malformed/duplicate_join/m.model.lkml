connection: "x"
view: users {
  dimension: id { primary_key: yes }
}
explore: users {
  join: users {
    sql_on: 1 = 1 ;;
  }
}
