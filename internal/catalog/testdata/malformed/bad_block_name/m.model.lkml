connection: "x"
view: {
}
