view: sales_by_week {
  derived_table: {
    sql: SELECT DATE_TRUNC('week', o.created_at) AS week, SUM(oi.sale_price) AS sales
      FROM ${orders.SQL_TABLE_NAME} AS o JOIN ${order_items.SQL_TABLE_NAME} AS oi ON oi.order_id = o.id
      WHERE {% condition region %} o.region {% endcondition %}
      GROUP BY 1 ;;
    datagroup_trigger: thelook_etl
  }
  filter: region {
    type: string
  }
  dimension: week {
    primary_key: yes
    type: date_week
  }
  dimension: sales {
    type: number
  }
  measure: total_sales {
    type: sum
    sql: ${sales} ;;
  }
}
