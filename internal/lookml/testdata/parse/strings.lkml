view: s {
  label: "He said \"hi\" \\ back"
  description: "keeps \d+ and \n as written; # is not a comment here"
  group_label: ""
  value_format: "#,##0.00"
  note: "spans
two lines"
}
