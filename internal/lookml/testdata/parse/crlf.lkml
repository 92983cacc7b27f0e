view: orders {
  # windows line endings
  sql_table_name: public.orders ;;
  dimension: note {
    label: "two
lines"
    sql:
      ${TABLE}.note ;;
  }
}
