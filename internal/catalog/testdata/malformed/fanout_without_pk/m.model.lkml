connection: "x"
view: users {
  sql_table_name: users ;;
  dimension: id {
    primary_key: yes
    type: number
  }
}
view: orders {
  dimension: user_id {}
}
explore: users {
  join: orders {
    relationship: one_to_many
    sql_on: ${users.id} = ${orders.user_id} ;;
  }
}
