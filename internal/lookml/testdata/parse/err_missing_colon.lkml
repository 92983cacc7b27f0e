view: orders {
  dimension id {}
}
