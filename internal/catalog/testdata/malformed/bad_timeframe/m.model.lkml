connection: "x"
view: users {
  dimension: id { primary_key: yes }
  dimension_group: created {
    type: time
    timeframes: [date, fortnight]
    sql: ${TABLE}.created_at ;;
  }
}
explore: users {}
