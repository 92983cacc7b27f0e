connection: "x"
view: users {
  dimension: a {
    sql: ${a} + 1 ;;
  }
}
explore: users {}
