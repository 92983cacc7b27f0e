connection: "x"
include: "views/nothing.view.lkml"
explore: users {}
