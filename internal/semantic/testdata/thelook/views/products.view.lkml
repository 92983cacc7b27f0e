view: products {
  sql_table_name: public.products ;;

  dimension: id {
    primary_key: yes
    type: number
  }
  dimension: brand {
    sql: TRIM(${TABLE}.brand) ;;
  }
  dimension: category {}
  dimension: department {}
  dimension: retail_price {
    type: number
  }
  dimension: distribution_center_id {
    type: number
  }
  dimension: price_tier {
    type: tier
    tiers: [0, 25, 50, 100]
    style: relational
    sql: ${retail_price} ;;
  }
  measure: count {
    type: count
  }
  measure: brand_count {
    type: count_distinct
    sql: ${brand} ;;
  }
}
