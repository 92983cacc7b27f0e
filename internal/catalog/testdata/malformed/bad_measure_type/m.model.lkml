connection: "x"
view: users {
  dimension: id {}
  measure: total {
    type: summ
    sql: ${id} ;;
  }
}
explore: users {}
