# The built-in system__activity model: Overlook's own metadata database read
# through the sa_* views of migrations 00030 and 00080, which list
# whitelisted columns only (no hash, token, secret or credential).
#
# sa_dashboard and sa_look do not exist yet: the content work adds their
# tables and views. The dashboard and look explores are declared now so
# clients see Looker's field names; they answer once those views exist.
connection: "system__activity"
label: "System Activity"

include: "*.view.lkml"

datagroup: system__activity_default_datagroup {
  max_cache_age: "1 hour"
}

persist_with: system__activity_default_datagroup

explore: user {
  label: "User"
  join: user_group {
    relationship: one_to_many
    sql_on: ${user.id} = ${user_group.user_id} ;;
  }
  join: group {
    relationship: many_to_one
    sql_on: ${user_group.group_id} = ${group.id} ;;
    required_joins: [user_group]
  }
  join: user_role {
    relationship: one_to_many
    sql_on: ${user.id} = ${user_role.user_id} ;;
  }
  join: role {
    relationship: many_to_one
    sql_on: ${user_role.role_id} = ${role.id} ;;
    required_joins: [user_role]
  }
}

explore: group {
  label: "Group"
}

explore: role {
  label: "Role"
}

explore: folders {
  label: "Folder"
  join: creator {
    from: user
    relationship: many_to_one
    sql_on: ${folders.creator_id} = ${creator.id} ;;
  }
}

explore: event {
  label: "Event"
  join: user {
    relationship: many_to_one
    sql_on: ${event.user_id} = ${user.id} ;;
  }
}

explore: dashboard {
  label: "Dashboard"
  join: user {
    relationship: many_to_one
    sql_on: ${dashboard.user_id} = ${user.id} ;;
  }
  join: folders {
    relationship: many_to_one
    sql_on: ${dashboard.space_id} = ${folders.id} ;;
  }
}

explore: look {
  label: "Look"
  join: query {
    relationship: many_to_one
    sql_on: ${look.query_id} = ${query.id} ;;
  }
  join: user {
    relationship: many_to_one
    sql_on: ${look.user_id} = ${user.id} ;;
  }
  join: folders {
    relationship: many_to_one
    sql_on: ${look.space_id} = ${folders.id} ;;
  }
}

explore: query {
  label: "Query"
}

explore: history {
  label: "History"
  join: user {
    relationship: many_to_one
    sql_on: ${history.user_id} = ${user.id} ;;
  }
  join: query {
    relationship: many_to_one
    sql_on: ${history.query_id} = ${query.id} ;;
  }
  join: dashboard {
    relationship: many_to_one
    sql_on: ${history.dashboard_id} = ${dashboard.id} ;;
  }
  join: look {
    relationship: many_to_one
    sql_on: ${history.look_id} = ${look.id} ;;
  }
}
