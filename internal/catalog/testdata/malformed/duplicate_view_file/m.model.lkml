connection: "x"
include: "views/*.view.lkml"
explore: users {}
