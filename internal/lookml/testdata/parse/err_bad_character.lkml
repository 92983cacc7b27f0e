view: orders {
  label: 'single quotes'
}
