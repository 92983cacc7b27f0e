connection: "x"
view: users {
  dimension: id {
    primary_key: maybe
  }
}
explore: users {}
