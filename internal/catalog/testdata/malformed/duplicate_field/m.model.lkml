connection: "x"
view: users {
  dimension: id { primary_key: yes }
  measure: ID { type: count }
}
explore: users {}
