connection: "x"
view: users {
  dimension: id { primary_key: yes }
  dimension: total {
    sql: ${orders.amount} ;;
  }
}
explore: users {}
