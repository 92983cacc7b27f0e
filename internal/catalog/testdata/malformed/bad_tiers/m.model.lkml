connection: "x"
view: users {
  dimension: id { primary_key: yes }
  dimension: age_tier {
    type: tier
    tiers: [0, 10, ten]
    sql: ${TABLE}.age ;;
  }
}
explore: users {}
