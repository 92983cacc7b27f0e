connection: "x"
view: orders {
  dimension: id { primary_key: yes }
}
explore: orders {}
explore: orders { label: "again" }
