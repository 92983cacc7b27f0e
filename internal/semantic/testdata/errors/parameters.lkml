connection: "x"
view: orders {
  dimension: id { primary_key: yes }
  parameter: sort_column { type: unquoted }
  filter: region { type: string }
  dimension: uses_filter { sql: ${region} ;; }
  dimension: uses_parameter { sql: ${sort_column} ;; }
}
explore: orders {}
