view: users {
  sql_table_name: users ;;
  drill_fields: [detail*]

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: first_name {
    group_label: "Name"
    sql: ${TABLE}.first_name ;;
  }
  dimension: last_name {
    group_label: "Name"
    sql: ${TABLE}.last_name ;;
  }
  dimension: name {
    group_label: "Name"
    # NULL when a part is, on every dialect (CONCAT skips NULLs on some).
    sql: CASE WHEN ${first_name} IS NULL OR ${last_name} IS NULL THEN NULL
      ELSE CONCAT(${first_name}, ' ', ${last_name}) END ;;
  }
  dimension: email {
    sql: ${TABLE}.email ;;
  }
  dimension: age {
    type: number
    sql: ${TABLE}.age ;;
  }
  dimension: age_tier {
    type: tier
    tiers: [0, 10, 20, 30, 40, 50, 60, 70]
    style: integer
    sql: ${age} ;;
  }
  dimension: gender {
    sql: ${TABLE}.gender ;;
  }
  dimension: is_female {
    type: yesno
    sql: ${gender} = 'F' ;;
  }
  dimension: street_address {
    group_label: "Address"
    sql: ${TABLE}.street_address ;;
  }
  dimension: city {
    group_label: "Address"
    sql: ${TABLE}.city ;;
  }
  dimension: state {
    group_label: "Address"
    sql: ${TABLE}.state ;;
  }
  dimension: zip {
    group_label: "Address"
    type: zipcode
    sql: ${TABLE}.zip ;;
  }
  dimension: postal_code {
    group_label: "Address"
    hidden: yes
    sql: ${TABLE}.postal_code ;;
  }
  dimension: country {
    group_label: "Address"
    map_layer_name: countries
    sql: ${TABLE}.country ;;
  }
  dimension: latitude {
    type: number
    hidden: yes
    sql: ${TABLE}.latitude ;;
  }
  dimension: longitude {
    type: number
    hidden: yes
    sql: ${TABLE}.longitude ;;
  }
  dimension: location {
    type: location
    sql_latitude: ${latitude} ;;
    sql_longitude: ${longitude} ;;
  }
  dimension: traffic_source {
    sql: ${TABLE}.traffic_source ;;
  }
  dimension_group: created {
    type: time
    timeframes: [raw, time, date, week, month, quarter, year]
    sql: ${TABLE}.created_at ;;
  }
  measure: count {
    type: count
    drill_fields: [detail*]
  }
  measure: average_age {
    type: average
    sql: ${age} ;;
    value_format_name: decimal_1
  }
  # Summed over the users explore, which fans out to orders and order
  # items: it needs symmetric aggregates to count each user once.
  measure: total_age {
    type: sum
    sql: ${age} ;;
  }
  set: detail {
    fields: [id, first_name, last_name, email, city, state, country]
  }
}
