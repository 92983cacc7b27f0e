project_name: "thelook"
constant: schema { value: "ecomm" }
constant: conn { value: "demo" export: override_optional }
local_dependency: { project: "shared" }
