connection: "x"
}
