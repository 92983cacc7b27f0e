connection: "x"
view: users {
  dimension: id { primary_key: yes }
  filter: region { type: string }
  dimension: r {
    sql: ${region} ;;
  }
}
explore: users {}
