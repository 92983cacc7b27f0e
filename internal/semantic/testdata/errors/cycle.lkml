connection: "x"
view: orders {
  dimension: id { primary_key: yes }
  dimension: a { sql: ${b} + 1 ;; }
  dimension: b { sql: ${c} * 2 ;; }
  dimension: c { sql: ${a} ;; }
  dimension: self { sql: ${self} ;; }
  measure: m1 { type: number sql: ${users.m2} ;; }
}
view: users {
  dimension: id { primary_key: yes }
  measure: m2 { type: number sql: ${orders.m1} ;; }
}
explore: orders {
  join: users {
    sql_on: ${orders.id} = ${users.id} ;;
  }
}
