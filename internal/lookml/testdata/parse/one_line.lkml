view: users {sql_table_name: users;; dimension: id {primary_key:yes type:number sql:${TABLE}.id;;} measure: count {type:count}}
explore: users {label: "Users" hidden: no view_label: "People"}
