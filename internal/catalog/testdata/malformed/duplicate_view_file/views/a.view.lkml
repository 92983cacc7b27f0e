view: users {
  sql_table_name: users ;;
  dimension: id {
    primary_key: yes
    type: number
  }
}
