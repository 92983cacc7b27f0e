project_name: "thelook"

constant: schema {
  value: "main"
  export: override_optional
}
