view: users {
  dimension: id {
    primary_key: yes
    type: number
  }
  dimension: id {}
}
