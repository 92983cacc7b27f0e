include: "/views/base.view"
view: orders {
  extends: [base_table]
  sql_table_name: @{schema}.orders ;;
  dimension: user_id { type: number sql: ${TABLE}.user_id ;; }
  dimension: status { sql: ${TABLE}.status ;; }
}
