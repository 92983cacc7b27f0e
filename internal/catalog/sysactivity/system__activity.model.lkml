# The built-in system__activity model: Overlook's own metadata database read
# through the sa_* views of the migrations (00030, 00080, 00100, 00190), which
# list whitelisted columns only (no hash, token, secret, credential or
# webhook address).
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

explore: scheduled_plan {
  label: "Schedule"
  join: scheduled_job {
    relationship: one_to_many
    sql_on: ${scheduled_plan.id} = ${scheduled_job.scheduled_plan_id} ;;
  }
  join: scheduled_plan_destination {
    relationship: one_to_many
    sql_on: ${scheduled_plan.id} = ${scheduled_plan_destination.scheduled_plan_id} ;;
  }
  join: user {
    relationship: many_to_one
    sql_on: ${scheduled_plan.user_id} = ${user.id} ;;
  }
  join: look {
    relationship: many_to_one
    sql_on: ${scheduled_plan.look_id} = ${look.id} ;;
  }
  join: dashboard {
    relationship: many_to_one
    sql_on: ${scheduled_plan.dashboard_id} = ${dashboard.id} ;;
  }
}

explore: scheduled_job {
  label: "Schedule History"
  join: scheduled_plan {
    relationship: many_to_one
    sql_on: ${scheduled_job.scheduled_plan_id} = ${scheduled_plan.id} ;;
  }
  join: user {
    relationship: many_to_one
    sql_on: ${scheduled_plan.user_id} = ${user.id} ;;
    required_joins: [scheduled_plan]
  }
  join: look {
    relationship: many_to_one
    sql_on: ${scheduled_plan.look_id} = ${look.id} ;;
    required_joins: [scheduled_plan]
  }
}
