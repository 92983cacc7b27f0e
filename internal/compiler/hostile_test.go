package compiler_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/overlook"
)

// jsonText is s as a JSON string literal.
func jsonText(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// exprString is s as a Looker expression string constant.
func exprString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// TestHostileDynamicInputs puts every payload of the injection corpus in
// every position of dynamic_fields and filter_expression: the compiler
// refuses it with a 4xx, or compiles SQL that holds none of it.
func TestHostileDynamicInputs(t *testing.T) {
	payloads := corpus()
	m := testModel(t, "thelook")
	dims := func(p string) compiler.Query {
		return with(q("users", "users.state", "users.count"), func(q *compiler.Query) { q.DynamicFields = p })
	}
	positions := map[string]func(p string) compiler.Query{
		"dynamic_fields text": dims,
		"custom dimension expression": func(p string) compiler.Query {
			return with(dims(`[{"dimension":"d","expression":`+jsonText(p)+`}]`), func(q *compiler.Query) { q.Fields = append(q.Fields, "d") })
		},
		"custom dimension string constant": func(p string) compiler.Query {
			e := `if(${users.state} = ` + exprString(p) + `, ` + exprString(p) + `, concat(${users.city}, ` + exprString(p) + `))`
			return with(dims(`[{"dimension":"d","expression":`+jsonText(e)+`}]`), func(q *compiler.Query) { q.Fields = append(q.Fields, "d") })
		},
		"custom field name": func(p string) compiler.Query {
			return with(dims(`[{"dimension":`+jsonText(p)+`,"expression":"1"}]`), func(q *compiler.Query) { q.Fields = append(q.Fields, p) })
		},
		"custom measure based_on": func(p string) compiler.Query {
			return with(dims(`[{"measure":"m","type":"sum","based_on":`+jsonText(p)+`}]`), func(q *compiler.Query) { q.Fields = append(q.Fields, "m") })
		},
		"custom measure type": func(p string) compiler.Query {
			return with(dims(`[{"measure":"m","type":`+jsonText(p)+`,"based_on":"users.age"}]`), func(q *compiler.Query) { q.Fields = append(q.Fields, "m") })
		},
		"custom measure filter value": func(p string) compiler.Query {
			return with(dims(`[{"measure":"m","type":"count_distinct","based_on":"users.id","filters":{"users.city":`+jsonText(p)+`}}]`),
				func(q *compiler.Query) { q.Fields = append(q.Fields, "m") })
		},
		"custom measure filter key": func(p string) compiler.Query {
			return with(dims(`[{"measure":"m","type":"count_distinct","based_on":"users.id","filters":{`+jsonText(p)+`:"x"}}]`),
				func(q *compiler.Query) { q.Fields = append(q.Fields, "m") })
		},
		"table calculation expression": func(p string) compiler.Query {
			return with(dims(`[{"table_calculation":"c","expression":`+jsonText(p)+`}]`), func(q *compiler.Query) { q.Fields = append(q.Fields, "c") })
		},
		"filter_expression": func(p string) compiler.Query {
			return with(q("users", "users.state"), func(q *compiler.Query) { q.FilterExpression = p })
		},
		"filter_expression string constant": func(p string) compiler.Query {
			return with(q("users", "users.state"), func(q *compiler.Query) {
				q.FilterExpression = `${users.state} = ` + exprString(p) + ` OR contains(${users.city}, ` + exprString(p) + `)`
			})
		},
		"matches_filter constant": func(p string) compiler.Query {
			return with(q("users", "users.state"), func(q *compiler.Query) {
				q.FilterExpression = "matches_filter(${users.state}, `" + strings.ReplaceAll(p, "`", "") + "`)"
			})
		},
		"matches_filter number": func(p string) compiler.Query {
			return with(q("users", "users.state"), func(q *compiler.Query) {
				q.FilterExpression = "matches_filter(${users.age}, `" + p + "`)"
			})
		},
		"string function constant": func(p string) compiler.Query {
			return with(q("users", "users.state"), func(q *compiler.Query) {
				c := exprString(p)
				q.FilterExpression = `position(${users.city}, ` + c + `) > 0 OR replace(${users.state}, ` + c + `, ` + c + `) = ` + c +
					` OR starts_with(substring(${users.state}, 1, 2), ` + c + `) OR ends_with(${users.city}, concat(` + c + `, ${users.state}))`
			})
		},
		"date function constant": func(p string) compiler.Query {
			return with(q("users", "users.state"), func(q *compiler.Query) {
				c := exprString(p)
				q.FilterExpression = `diff_days(${users.created_date}, now()) > length(` + c + `) AND add_days(length(` + c +
					`), trunc_months(${users.created_date})) < now() AND extract_unix_timestamp(${users.created_date}) > power(length(` + c + `), 2)`
			})
		},
		"expression measure constant": func(p string) compiler.Query {
			c := exprString(p)
			e := `count_distinct(if(${users.state} = ` + c + ` OR contains(${users.city}, ` + c + `), ${users.id}, null)) + length(` + c + `) * ${users.count}`
			return with(dims(`[{"measure":"m","expression":`+jsonText(e)+`}]`), func(q *compiler.Query) {
				q.Fields = append(q.Fields, "m")
				q.Filters = map[string]string{"m": ">1"}
			})
		},
		"expression measure expression": func(p string) compiler.Query {
			return with(dims(`[{"measure":"m","expression":`+jsonText(p)+`}]`), func(q *compiler.Query) { q.Fields = append(q.Fields, "m") })
		},
		"pivoted table calculation": func(p string) compiler.Query {
			c := exprString(p)
			e := `pivot_where(${users.gender} = ` + c + `, ${users.count}) + sum(pivot_row(length(concat(` + c + `, ${users.gender}))))`
			return with(dims(`[{"table_calculation":"c","expression":`+jsonText(e)+`}]`), func(q *compiler.Query) {
				q.Fields, q.Pivots = append(q.Fields, "users.gender", "c"), []string{"users.gender"}
			})
		},
		"filter_expression field": func(p string) compiler.Query {
			return with(q("users", "users.state"), func(q *compiler.Query) { q.FilterExpression = `${` + p + `} = 1` })
		},
	}
	for name, build := range positions {
		for _, d := range goldenDialects {
			compiled, refused := 0, 0
			for _, p := range payloads {
				c, err := compiler.Compile(m, build(p), d, compiler.Context{Now: fixedNow})
				if err != nil {
					var oe *overlook.Error
					if !errors.As(err, &oe) || oe.Code == overlook.EINTERNAL {
						t.Errorf("%s/%s %q: not a client error: %v", name, d, p, err)
					}
					refused++
					continue
				}
				compiled++
				if strings.Contains(c.SQL, p) || strings.Contains(c.SQL, "DROP TABLE") || strings.Contains(c.SQL, "1=1") {
					t.Errorf("%s/%s: payload %q reached the SQL:\n%s", name, d, p, c.SQL)
				}
			}
			t.Logf("%s/%s: %d compiled payload-free, %d refused", name, d, compiled, refused)
			if strings.HasSuffix(name, "constant") && compiled == 0 {
				t.Errorf("%s/%s: no payload compiled: the position is not exercised", name, d)
			}
		}
	}
}
