view: inventory_items {
  sql_table_name: public.inventory_items ;;

  dimension: id {
    primary_key: yes
    type: number
  }
  dimension: product_id {
    type: number
  }
  dimension: cost {
    type: number
  }
  dimension_group: sold {
    type: time
    timeframes: [raw, date, month]
    sql: ${TABLE}.sold_at ;;
  }
  dimension: is_sold {
    type: yesno
    sql: ${sold_raw} IS NOT NULL ;;
  }
  measure: count {
    type: count
  }
  measure: total_cost {
    type: sum
    sql: ${cost} ;;
  }
}
