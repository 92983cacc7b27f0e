connection: "x"
view: users {
  dimension: id {}
}
view: orders {
  dimension: id { primary_key: yes }
  dimension: user_id {}
}
explore: orders {
  join: users {
    foreign_key: user_id
  }
}
