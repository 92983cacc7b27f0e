explore: orders {
  always_filter: {
    filters: [orders.created_date: "30 days", orders.status: "-NULL"]
  }
  conditionally_filter: {
    filters: [orders.created_date: "7 days"]
    unless: [orders.id]
  }
  access_filter: { field: orders.region user_attribute: region }
}
view: orders {
  measure: complete_count {
    type: count
    filters: {field: status value: "complete"}
    filters: [status: "complete", is_test: no]
  }
  dimension: size {
    case: {
      when: { sql: ${TABLE}.n < 10 ;; label: "small" }
      when: { sql: ${TABLE}.n >= 10 ;; label: "large" }
      else: "unknown"
    }
    link: { label: "Search" url: "https://example.com/?q={{ value }}" icon_url: "https://example.com/i.png" }
    link: {
      label: "Second"
      url: "/dashboards/1"
    }
  }
}
view: order_summary {
  derived_table: {
    explore_source: orders {
      column: id { field: orders.id }
      derived_column: rank { sql: ROW_NUMBER() OVER () ;; }
      bind_filters: { from_field: orders.created_date to_field: order_summary.created_date }
    }
    datagroup_trigger: nightly
  }
}
