connection: "x"
view: orders {
  dimension: id { primary_key: yes }
  dimension: status {}
  measure: count { type: count }
  measure: done { type: count filters: [stauts: "done", users.name: "x"] }
}
view: users {
  dimension: id { primary_key: yes }
}
explore: orders {
  always_filter: { filters: [orders.created_date: "7 days"] }
  conditionally_filter: {
    filters: [orders.status: "open"]
    unless: [orders.idd]
  }
  access_filter: {
    field: users.region
    user_attribute: region
  }
  access_filter: {
    field: orders.count
    user_attribute: region
  }
  access_filter: {
    field: orders.status
  }
  join: users {
    sql_on: ${orders.id} = ${users.id} ;;
  }
  join: buyers {
    from: users
    foreign_key: buyer_id
  }
}
