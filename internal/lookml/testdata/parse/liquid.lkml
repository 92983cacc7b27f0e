view: orders {
  parameter: metric { type: unquoted allowed_value: { value: "revenue" } }
  dimension: status {
    label: "{% if _user_attributes['locale'] == 'fr' %}Statut{% else %}Status{% endif %}"
    sql:
      {% if orders.status._in_query %} ${TABLE}.status
      {% else %} 'n/a' {% endif %} ;;
    html: {% if value == 'complete' %}<b>{{ rendered_value }}</b>{% else %}{{ value }}{% endif %} ;;
  }
  measure: chosen {
    type: sum
    sql: ${TABLE}.{% parameter metric %} ;;
  }
  filter: date_filter { type: date sql: {% condition date_filter %} ${TABLE}.created_at {% endcondition %} ;; }
}
