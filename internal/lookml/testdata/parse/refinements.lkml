view: base_orders {
  extension: required
  dimension: id { primary_key: yes }
}
view: orders {
  extends: [base_orders, audit_columns]
  final: yes
}
view: +orders {
  label: "Refined"
  dimension: status {}
}
explore: +orders {
  extends: [orders_base]
  join: users {}
}
