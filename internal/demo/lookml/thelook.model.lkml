connection: "thelook"
label: "The Look"
persist_with: thelook_default_datagroup
week_start_day: monday

include: "views/*.view.lkml"

datagroup: thelook_default_datagroup {
  label: "Daily ETL"
  description: "New demo data lands once a day"
  sql_trigger: SELECT MAX(created_at) FROM order_items ;;
  max_cache_age: "24 hours"
}

explore: users {
  description: "Customers, their orders and what they bought"
  join: orders {
    type: left_outer
    relationship: one_to_many
    sql_on: ${users.id} = ${orders.user_id} ;;
  }
  join: order_items {
    type: left_outer
    relationship: one_to_many
    sql_on: ${orders.order_id} = ${order_items.order_id} ;;
  }
}

explore: orders {
  join: users {
    relationship: many_to_one
    sql_on: ${orders.user_id} = ${users.id} ;;
  }
  join: order_items {
    relationship: one_to_many
    sql_on: ${orders.order_id} = ${order_items.order_id} ;;
  }
}

explore: order_items {
  label: "Order Items"
  join: orders {
    relationship: many_to_one
    sql_on: ${order_items.order_id} = ${orders.order_id} ;;
  }
  join: users {
    relationship: many_to_one
    sql_on: ${order_items.user_id} = ${users.id} ;;
  }
  join: inventory_items {
    type: left_outer
    relationship: one_to_one
    sql_on: ${order_items.inventory_item_id} = ${inventory_items.id} ;;
  }
  join: products {
    relationship: many_to_one
    sql_on: ${order_items.product_id} = ${products.id} ;;
  }
  join: distribution_centers {
    relationship: many_to_one
    sql_on: ${products.distribution_center_id} = ${distribution_centers.id} ;;
    required_joins: [products]
  }
  join: user_order_facts {
    view_label: "Users"
    relationship: many_to_one
    sql_on: ${order_items.user_id} = ${user_order_facts.user_id} ;;
  }
}

explore: products {
  join: distribution_centers {
    relationship: many_to_one
    sql_on: ${products.distribution_center_id} = ${distribution_centers.id} ;;
  }
}

explore: inventory_items {
  join: products {
    relationship: many_to_one
    sql_on: ${inventory_items.product_id} = ${products.id} ;;
  }
  join: distribution_centers {
    relationship: many_to_one
    sql_on: ${inventory_items.product_distribution_center_id} = ${distribution_centers.id} ;;
  }
}

explore: events {
  join: users {
    relationship: many_to_one
    sql_on: ${events.user_id} = ${users.id} ;;
  }
}

explore: distribution_centers {
  join: products {
    relationship: one_to_many
    sql_on: ${distribution_centers.id} = ${products.distribution_center_id} ;;
  }
}
