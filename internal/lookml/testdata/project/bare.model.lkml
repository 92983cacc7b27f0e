connection: "demo"
include: "views/users.view"
include: "views/nested/missing.view"
explore: users {}
