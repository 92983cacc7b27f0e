view: orders {
  persist_with: @{datagroup
}
