package compiler_test

import (
	"io/fs"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/overlookbi/overlook/internal/demo/lookml"
	parser "github.com/overlookbi/overlook/internal/lookml"
	"github.com/overlookbi/overlook/internal/semantic"
)

// secureModel adds to the demo project a model whose explores carry the
// explore-level rules the demo lacks: access_filter, always_filter,
// conditionally_filter, sql_always_where, always_join.
const secureModel = `connection: "thelook"
include: "views/*.view.lkml"

explore: secure_users {
  from: users
  view_name: users
  sql_always_where: ${users.age} >= 18 ;;
  access_filter: {
    field: users.state
    user_attribute: state
  }
  always_filter: {
    filters: [users.country: "USA"]
  }
  join: orders {
    relationship: one_to_many
    sql_on: ${users.id} = ${orders.user_id} ;;
  }
}

explore: narrow_users {
  from: users
  view_name: users
  fields: [ALL_FIELDS*, -users.email]
}

explore: recent_orders {
  from: orders
  view_name: orders
  conditionally_filter: {
    filters: [orders.created_date: "30 days"]
    unless: [orders.order_id]
  }
  always_join: [users]
  join: users {
    relationship: many_to_one
    sql_on: ${orders.user_id} = ${users.id} ;;
  }
}
`

var (
	modelsOnce sync.Once
	models     map[string]*semantic.Model
	modelsErr  error
)

// testModel returns "thelook" (also for "") or "secure", resolved once.
func testModel(t testing.TB, name string) *semantic.Model {
	t.Helper()
	if name == "" {
		name = "thelook"
	}
	modelsOnce.Do(func() {
		files := fstest.MapFS{"secure.model.lkml": {Data: []byte(secureModel)}}
		modelsErr = fs.WalkDir(lookml.FS(), ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(lookml.FS(), path)
			files[path] = &fstest.MapFile{Data: b}
			return err
		})
		if modelsErr != nil {
			return
		}
		project, err := parser.LoadProject(files)
		if err != nil {
			modelsErr = err
			return
		}
		models = map[string]*semantic.Model{}
		for _, n := range []string{"thelook", "secure"} {
			m, err := semantic.Build(project, n)
			if err != nil {
				modelsErr = err
				return
			}
			models[n] = m
		}
	})
	if modelsErr != nil {
		t.Fatal(modelsErr)
	}
	return models[name]
}
