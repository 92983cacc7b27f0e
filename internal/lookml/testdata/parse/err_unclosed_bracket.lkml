explore: orders {
  fields: [orders.id, orders.status
}
