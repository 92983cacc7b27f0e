connection: "x"
case_sensitive: maybe
view: orders {
  dimension: id { primary_key: yes type: integer }
  dimension: price { type: date_fortnight }
  dimension: wait { type: duration_century }
  dimension: tiered { type: tier tiers: [0, ten, 5] }
  measure: total { type: summation }
  filter: f { type: color }
  parameter: p { type: list }
  dimension_group: created {
    type: time
    timeframes: [date, fortnight, month]
  }
  dimension_group: waited {
    type: duration
    intervals: [day, eon]
  }
  dimension_group: other { type: period }
  dimension: flag { hidden: maybe }
  measure: p90 { type: percentile percentile: ninety }
}
view: users {
  dimension: id { primary_key: yes }
}
explore: orders {
  join: users {
    type: sideways
    relationship: one_to_few
    sql_on: ${orders.id} = ${users.id} ;;
  }
}
