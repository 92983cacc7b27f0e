connection: "x"
fiscal_month_offset: three
view: users {
  sql_table_name: users ;;
  dimension: id {
    primary_key: yes
    type: number
  }
}
explore: users {}
