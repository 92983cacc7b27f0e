# `;;` right after text, with no space before or after the colon
view: events {
  sql_table_name:analytics.events;;
  dimension: id {
    sql:${TABLE}.id;;
  }
  dimension: day {sql:${TABLE}.day;;type:date}
}
explore: events {
  join: users {sql_on:${events.user_id}=${users.id};;}
}
