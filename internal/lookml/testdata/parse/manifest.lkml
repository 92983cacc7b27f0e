project_name: "thelook"
constant: schema {
  value: "analytics"
  export: override_optional
}
constant: connection { value: "warehouse" }
local_dependency: { project: "shared_views" override_constant: schema { value: "shared" } }
remote_dependency: ga360 {
  url: "https://github.com/llooker/google_ga360"
  ref: "master"
}
