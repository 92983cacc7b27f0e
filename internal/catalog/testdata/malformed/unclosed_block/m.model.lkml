connection: "x"
explore: users {
  label: "Users"
