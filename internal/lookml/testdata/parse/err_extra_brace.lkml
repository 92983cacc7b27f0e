view: orders {
  dimension: id {}
}
}
