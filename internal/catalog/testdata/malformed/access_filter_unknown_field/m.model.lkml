connection: "x"
view: users {
  sql_table_name: users ;;
  dimension: id {
    primary_key: yes
    type: number
  }
}
explore: users {
  access_filter: {
    field: users.country
    user_attribute: country
  }
}
