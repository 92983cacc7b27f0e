connection: "x"
view: orders {
  dimension: id { primary_key: yes }
  dimension: id { type: number }
  measure: ID { type: count }
  dimension_group: created {
    timeframes: [date, month]
  }
  dimension: created_month {}
  dimension: code { primary_key: yes }
}
explore: orders {}
