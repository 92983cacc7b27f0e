explore: orders {
  fields: [ALL_FIELDS*, -orders.internal_note, -users.email,]
  sorts: []
  tags: ["a", "b",
    # a comment between elements
    "c"  # and after one
  ]
  required_access_grants: [
    can_see_orders, # first
    can_see_money,
  ]
}
view: orders {
  drill_fields: [detail*, users.id]
  set: detail { fields: [id, status, users.name] }
  dimension_group: created { type: time timeframes: [raw, time, date, week, month] sql: ${TABLE}.created_at ;; }
}
