view: v {
  options: [{ label: "A" value: "a" }, { label: "B" }]
  mixed: [a, "b", c: d, {}]
}
