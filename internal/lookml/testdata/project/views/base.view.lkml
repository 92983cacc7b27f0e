view: base_table {
  extension: required
  dimension: id { primary_key: yes type: number sql: ${TABLE}.id ;; }
  dimension_group: created { type: time timeframes: [raw, date, month] sql: ${TABLE}.created_at ;; }
}
