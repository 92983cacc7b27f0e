connection: "thelook"
label: "The Look"
persist_with: thelook_etl
week_start_day: monday
fiscal_month_offset: 3

include: "views/*.view.lkml"

datagroup: thelook_etl {
  label: "ETL"
  sql_trigger: SELECT MAX(id) FROM etl_log ;;
  max_cache_age: "24 hours"
}

datagroup: hourly {
  interval_trigger: "1 hour"
}

access_grant: can_see_pii {
  user_attribute: pii
  allowed_values: ["yes"]
}

explore: users {
  description: "People and what they bought"
  join: orders {
    type: left_outer
    relationship: one_to_many
    sql_on: ${users.id} = ${orders.user_id} ;;
  }
  join: order_items {
    relationship: one_to_many
    sql_on: ${orders.id} = ${order_items.order_id} ;;
  }
  join: inventory_items {
    relationship: one_to_one
    sql_on: ${order_items.inventory_item_id} = ${inventory_items.id} ;;
  }
}

explore: order_items {
  label: "Orders and items"
  sql_always_where: ${orders.status} <> 'test' ;;
  sql_always_having: ${order_items.count} > 0 ;;
  always_filter: {
    filters: [orders.created_date: "30 days"]
  }
  conditionally_filter: {
    filters: [order_items.returned_date: "7 days"]
    unless: [users.id, orders.id]
  }
  access_filter: {
    field: users.country
    user_attribute: country
  }
  access_filter: {
    field: products.brand
    user_attribute: brand
  }
  always_join: [users]
  fields: [ALL_FIELDS*, -users.email]
  join: orders {
    relationship: many_to_one
    sql_on: ${order_items.order_id} = ${orders.id} ;;
  }
  join: inventory_items {
    type: full_outer
    relationship: one_to_one
    sql_on: ${order_items.inventory_item_id} = ${inventory_items.id} ;;
  }
  join: users {
    type: inner
    relationship: many_to_one
    sql_on: ${orders.user_id} = ${users.id} ;;
    required_joins: [orders]
  }
  join: products {
    relationship: many_to_one
    foreign_key: inventory_items.product_id
    view_label: "Product"
  }
  join: distribution_centers {
    relationship: many_to_one
    sql_on: ${products.distribution_center_id} = ${distribution_centers.id} ;;
    required_joins: [products]
    fields: [distribution_centers.name, distribution_centers.location]
  }
}

explore: events {
  join: users {
    type: left_outer
    relationship: many_to_one
    sql_on: ${events.user_id} = ${users.id} ;;
  }
  join: product_viewed {
    from: products
    relationship: many_to_one
    sql_on: ${events.viewed_product_id} = ${product_viewed.id} ;;
  }
}

explore: inventory_items {
  join: products {
    type: cross
    relationship: many_to_many
    sql_on: ${inventory_items.product_id} = ${products.id} ;;
  }
}

explore: customers {
  from: users
  view_name: customers
  hidden: yes
}

explore: sales_by_week {}
