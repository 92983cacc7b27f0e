view: inventory_items {
  sql_table_name: inventory_items ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: product_id {
    type: number
    hidden: yes
    sql: ${TABLE}.product_id ;;
  }
  dimension: cost {
    type: number
    sql: ${TABLE}.cost ;;
    value_format_name: usd
  }
  dimension: product_category {
    sql: ${TABLE}.product_category ;;
  }
  dimension: product_name {
    sql: ${TABLE}.product_name ;;
  }
  dimension: product_brand {
    sql: ${TABLE}.product_brand ;;
  }
  dimension: product_retail_price {
    type: number
    sql: ${TABLE}.product_retail_price ;;
  }
  dimension: product_department {
    sql: ${TABLE}.product_department ;;
  }
  dimension: product_sku {
    sql: ${TABLE}.product_sku ;;
  }
  dimension: product_distribution_center_id {
    type: number
    hidden: yes
    sql: ${TABLE}.product_distribution_center_id ;;
  }
  dimension: is_sold {
    type: yesno
    sql: ${TABLE}.sold_at IS NOT NULL ;;
  }
  dimension_group: created {
    type: time
    timeframes: [raw, date, week, month, year]
    sql: ${TABLE}.created_at ;;
  }
  dimension_group: sold {
    type: time
    timeframes: [raw, date, week, month, year]
    sql: ${TABLE}.sold_at ;;
  }
  measure: count {
    type: count
  }
  measure: sold_count {
    type: count
    filters: [is_sold: "yes"]
  }
  measure: total_cost {
    type: sum
    sql: ${cost} ;;
    value_format_name: usd
  }
  measure: average_cost {
    type: average
    sql: ${cost} ;;
    value_format_name: usd
  }
}
