connection: "x"
view: users {
  dimension: id { primary_key: yes }
  set: s { fields: [id, 
}
