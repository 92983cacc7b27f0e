connection: "@{conn}"
label: "The Look"
include: "/views/**/*.view"
include: "/explores/*.explore"
include: "/refinements/*.lkml"
include: "/dashboards/*.dashboard"
include: "//shared/*.view"

datagroup: nightly { sql_trigger: SELECT CURRENT_DATE ;; max_cache_age: "24 hours" }
persist_with: nightly

# the model file comes last, so this refinement wins
view: +users { label: "Customers" }
