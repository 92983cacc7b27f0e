include: "base.view"
view: users {
  extends: [base_table]
  sql_table_name: @{schema}.users ;;
  dimension: email { sql: ${TABLE}.email ;; }
  measure: count { type: count drill_fields: [id, email] }
}
