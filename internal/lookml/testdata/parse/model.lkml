connection: "thelook"
label: "The Look"
include: "/views/*.view.lkml"
include: "*.explore"
include: "//shared_views/*.view"
week_start_day: monday

datagroup: nightly {
  sql_trigger: SELECT CURRENT_DATE ;;
  max_cache_age: "24 hours"
}
persist_with: nightly

explore: order_items {
  label: "Orders"
  sql_always_where: ${orders.status} <> 'test' ;;
  join: orders {
    type: left_outer
    relationship: many_to_one
    sql_on: ${order_items.order_id} = ${orders.id} ;;
  }
  join: users { foreign_key: orders.user_id }
  aggregate_table: by_day {
    query: { dimensions: [orders.created_date] measures: [order_items.count] }
    materialization: { datagroup_trigger: nightly }
  }
}
