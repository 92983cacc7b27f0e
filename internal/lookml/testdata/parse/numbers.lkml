view: n {
  measure: p { type: percentile percentile: 95 precision: 2 }
  dimension: t { type: tier tiers: [0, 10, 20.5, -1] style: integer }
  dimension: idents { hidden: yes alias: [1_or_0, old_name] }
}
