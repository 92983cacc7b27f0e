view: 2019_orders {
  dimension: 1_or_0 { type: yesno sql: ${TABLE}.flag = 1 ;; }
  dimension: 20_more { type: number sql: ${TABLE}.n + 20 ;; }
}
view: "quoted view name" {
  dimension: "quoted field" {}
  measure: "+literal plus" {}
}
explore: "2019_orders" {}
