view: orders {
  dimension: id {
    sql: ${TABLE}.id
  }
}
