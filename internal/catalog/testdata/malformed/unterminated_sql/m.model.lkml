connection: "x"
view: users {
  dimension: id {
    sql: ${TABLE}.id
  }
}
