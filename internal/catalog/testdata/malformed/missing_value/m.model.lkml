connection: "x"
label:
