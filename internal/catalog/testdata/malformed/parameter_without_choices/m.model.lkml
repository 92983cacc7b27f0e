connection: "x"
view: users {
  dimension: id { primary_key: yes }
  parameter: metric {
    type: unquoted
  }
}
explore: users {}
