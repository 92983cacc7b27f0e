view: orders {
  dimension: id { type: }
}
