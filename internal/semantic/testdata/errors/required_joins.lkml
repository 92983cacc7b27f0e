connection: "x"
view: orders {
  dimension: id { primary_key: yes }
}
view: users {
  dimension: id { primary_key: yes }
}
explore: orders {
  always_join: [users, payments]
  join: users {
    sql_on: ${orders.id} = ${users.id} ;;
    required_joins: [customers]
  }
}
