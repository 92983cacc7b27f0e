connection: "x"
explore: ghosts {}
