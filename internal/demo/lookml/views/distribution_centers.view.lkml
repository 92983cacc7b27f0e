view: distribution_centers {
  sql_table_name: distribution_centers ;;

  dimension: id {
    primary_key: yes
    type: number
    sql: ${TABLE}.id ;;
  }
  dimension: name {
    sql: ${TABLE}.name ;;
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
  measure: count {
    type: count
  }
}
