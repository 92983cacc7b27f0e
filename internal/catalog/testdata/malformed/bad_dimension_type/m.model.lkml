connection: "x"
view: users {
  dimension: id {
    type: numbr
  }
}
explore: users {}
