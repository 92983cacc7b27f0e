view: @{prefix}_orders {
  sql_table_name: @{schema}.orders ;;
  label: "Orders in @{schema}"
  dimension: region { sql: COALESCE(${TABLE}.region, '@{default_region}') ;; }
}
explore: orders { persist_with: @{datagroup} }
