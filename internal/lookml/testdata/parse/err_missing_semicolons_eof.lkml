view: orders {
  dimension: id {
    sql: ${TABLE}.id ;;
  }
  dimension: name {
    sql: ${TABLE}.name
  }
}
