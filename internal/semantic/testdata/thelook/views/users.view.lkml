view: users {
  sql_table_name: public.users ;;
  required_access_grants: []

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: age {
    type: number
  }
  dimension: age_tier {
    type: tier
    tiers: [0, 10, 20, 30, 40, 50, 60, 70, 80]
    style: integer
    sql: ${age} ;;
  }
  dimension: age_bin {
    type: bin
    bins: [18, 65]
    style: interval
    sql: ${age} ;;
  }
  dimension: city {}
  dimension: state {
    group_label: "Address"
    link: {
      label: "Search"
      url: "https://example.com/?q={{ value | url_encode }}"
    }
  }
  dimension: country {
    map_layer_name: countries
    html: <b>{{ rendered_value }}</b> in {{ _view._name }} ;;
  }
  dimension: zip {
    type: zipcode
  }
  dimension: email {
    required_access_grants: [can_see_pii]
    sql: {% if _user_attributes['pii'] == 'yes' %}${TABLE}.email{% else %}'hidden'{% endif %} ;;
  }
  dimension: first_name {
    group_label: "Name"
    group_item_label: "First"
  }
  dimension: last_name {}
  dimension: full_name {
    label: "Name"
    description: "First and last name"
    sql: ${first_name} || ' ' || ${last_name} ;;
  }
  dimension: gender {
    case: {
      when: {
        sql: ${TABLE}.gender = 'f' ;;
        label: "Female"
      }
      when: {
        sql: ${TABLE}.gender = 'm' ;;
        label: "Male"
      }
      else: "Other"
    }
  }
  dimension: is_adult {
    type: yesno
    sql: ${age} >= 18 ;;
  }
  dimension: latitude {
    type: number
    hidden: yes
  }
  dimension: longitude {
    type: number
    hidden: yes
  }
  dimension: location {
    type: location
    sql_latitude: ${latitude} ;;
    sql_longitude: ${longitude} ;;
  }
  dimension: distance_to_dc {
    type: distance
    start_location_field: users.location
    end_location_field: distribution_centers.location
    units: miles
  }
  dimension_group: created {
    type: time
    timeframes: [raw, time, date, week, month, quarter, year, hour, hour2, hour3, hour4, hour6, hour8, hour12,
      minute, minute2, minute3, minute4, minute5, minute6, minute10, minute12, minute15, minute20, minute30,
      second, millisecond, microsecond, day_of_week, day_of_week_index, day_of_month, day_of_year,
      week_of_year, month_name, month_num, quarter_of_year, hour_of_day, time_of_day,
      fiscal_year, fiscal_quarter, fiscal_quarter_of_year, fiscal_month_num]
    sql: ${TABLE}.created_at ;;
  }
  dimension_group: signed_up {
    type: time
    datatype: date
    convert_tz: no
    sql: ${TABLE}.signup_date ;;
  }
  dimension_group: membership {
    type: duration
    sql_start: ${created_raw} ;;
    sql_end: CURRENT_TIMESTAMP ;;
  }
  dimension: days_since_signup {
    type: duration_day
    sql_start: ${signed_up_raw} ;;
    sql_end: CURRENT_DATE ;;
  }
  dimension: created_month_only {
    type: date_month
    sql: ${created_raw} ;;
  }
  dimension: created_plain {
    type: date
    sql: ${created_raw} ;;
  }
  dimension: created_datetime {
    type: date_time
    sql: ${created_raw} ;;
  }
  dimension: created_raw_legacy {
    type: date_raw
    sql: ${created_raw} ;;
  }

  filter: name_filter {
    type: string
    suggest_dimension: full_name
  }
  dimension: name_matches {
    type: yesno
    sql: {% condition name_filter %} ${full_name} {% endcondition %} ;;
  }
  parameter: metric {
    type: unquoted
    allowed_value: { label: "Age" value: "age" }
    allowed_value: { label: "Orders" value: "order_count" }
    default_value: "age"
  }
  parameter: greeting {
    type: string
    default_value: "hello"
  }
  dimension: chosen_metric {
    type: number
    sql: ${TABLE}.{% parameter metric %} ;;
  }
  dimension: greeted {
    sql: CONCAT({% parameter greeting %}, ${first_name}) ;;
  }

  measure: count {
    type: count
    drill_fields: [id, full_name]
  }
  measure: average_age {
    type: average
    sql: ${age} ;;
    value_format_name: decimal_1
  }
  measure: median_age {
    type: median
    sql: ${age} ;;
  }
  measure: age_p90 {
    type: percentile
    percentile: 90
    sql: ${age} ;;
  }
  measure: oldest {
    type: max
    sql: ${age} ;;
  }
  measure: youngest {
    type: min
    sql: ${age} ;;
  }
  measure: country_count {
    type: count_distinct
    sql: ${country} ;;
  }
  measure: adult_count {
    type: count
    filters: [is_adult: "yes", users.country: "-NULL"]
  }
  measure: cities {
    type: list
    list_field: city
  }
  measure: first_signup {
    type: date
    sql: MIN(${created_raw}) ;;
  }
  measure: any_adult {
    type: yesno
    sql: BOOL_OR(${is_adult}) ;;
  }
  measure: newest_name {
    type: string
    sql: MAX(${full_name}) ;;
  }
  measure: max_age_raw {
    sql: MAX(${TABLE}.age) ;;
  }
}
