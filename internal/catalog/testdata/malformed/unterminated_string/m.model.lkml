connection: "x"
label: "never closed
explore: users {}
