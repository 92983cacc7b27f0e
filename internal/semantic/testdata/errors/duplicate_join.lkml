connection: "x"
view: orders {
  dimension: id { primary_key: yes }
}
view: users {
  dimension: id { primary_key: yes }
}
explore: orders {
  join: users {
    sql_on: ${orders.id} = ${users.id} ;;
  }
  join: users {
    sql_on: ${orders.id} = ${users.id} ;;
  }
  join: orders {
    sql_on: ${orders.id} = ${orders.id} ;;
  }
}
