connection: "x"
view: users {
  dimension: id {}
}
view: orders {
  dimension: id {}
  dimension: user_id {}
}
view: items {
  dimension: id { primary_key: yes }
  dimension: order_id {}
}
explore: users {
  join: orders {
    relationship: one_to_many
    sql_on: ${users.id} = ${orders.user_id} ;;
  }
  join: items {
    relationship: many_to_many
    sql_on: ${orders.id} = ${items.order_id} ;;
  }
}
explore: loose {
  from: users
  symmetric_aggregates: no
  join: orders {
    relationship: one_to_many
    sql_on: ${loose.id} = ${orders.user_id} ;;
  }
}
explore: keyed {
  from: items
  join: users {
    foreign_key: order_id
  }
}
