connection: "x"
view: users {
  dimension: a {
    sql: ${b} ;;
  }
  dimension: b {
    sql: ${a} ;;
  }
}
explore: users {}
