connection: "x"
view: users {
  dimension: id { primary_key: yes }
  dimension: name {
    sql: ${full_name} ;;
  }
}
explore: users {}
