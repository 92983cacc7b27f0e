view: orders {
  label: "never closed
}
