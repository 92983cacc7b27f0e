view: products {
  sql_table_name: products ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: brand {
    sql: ${TABLE}.brand ;;
  }
  dimension: category {
    sql: ${TABLE}.category ;;
  }
  dimension: department {
    sql: ${TABLE}.department ;;
  }
  dimension: item_name {
    label: "Item Name"
    sql: ${TABLE}.name ;;
  }
  dimension: sku {
    sql: ${TABLE}.sku ;;
  }
  dimension: cost {
    type: number
    sql: ${TABLE}.cost ;;
    value_format_name: usd
  }
  dimension: retail_price {
    type: number
    sql: ${TABLE}.retail_price ;;
    value_format_name: usd
  }
  dimension: retail_price_tier {
    type: tier
    tiers: [0, 20, 50, 100, 200]
    style: integer
    sql: ${retail_price} ;;
  }
  dimension: distribution_center_id {
    type: number
    hidden: yes
    sql: ${TABLE}.distribution_center_id ;;
  }
  measure: count {
    type: count
  }
  measure: brand_count {
    type: count_distinct
    sql: ${brand} ;;
  }
  measure: average_retail_price {
    type: average
    sql: ${retail_price} ;;
    value_format_name: usd
  }
}
