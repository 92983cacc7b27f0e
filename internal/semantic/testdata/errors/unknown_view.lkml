connection: "x"
view: orders {
  dimension: id { primary_key: yes }
}
explore: ghosts {}
explore: orders {
  join: customers {
    sql_on: ${orders.id} = ${customers.id} ;;
  }
  join: buyers {
    from: people
    sql_on: ${orders.id} = ${buyers.id} ;;
  }
}
