view: distribution_centers {
  dimension: id {
    primary_key: yes
    type: number
  }
  dimension: name {}
  dimension: latitude {
    type: number
  }
  dimension: longitude {
    type: number
  }
  dimension: location {
    type: location
    sql_latitude: ${latitude} ;;
    sql_longitude: ${longitude} ;;
  }
}
