view: orders {
  dimension: id {
    type: number
}
