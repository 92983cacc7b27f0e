connection: "x"
explore users {}
