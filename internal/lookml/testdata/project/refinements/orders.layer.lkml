view: +orders {
  dimension: status { label: "Order Status" }
  measure: count { type: count }
}
explore: +orders { always_filter: { filters: [orders.status: "-cancelled"] } }
