connection: "x"
view: users {
  sql_table_name: users ;;
  dimension: id {
    primary_key: yes
    type: number
  }
}
view: orders {
  dimension: id { primary_key: yes }
  dimension: user_id {}
}
explore: users {
  join: orders {
    relationship: some_to_some
    sql_on: ${users.id} = ${orders.user_id} ;;
  }
}
