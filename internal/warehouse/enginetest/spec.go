// Package enginetest is the conformance suite every warehouse engine
// passes: value types round-trip, bind parameters, streaming, cancellation
// and Test. Each engine's package runs it against a real database; the
// servers' helpers here create a throwaway database and drop it after.
package enginetest

import (
	"strconv"
	"strings"
	"time"
)

// spec is what differs between dialects, as data: column types, the
// placeholder style, and how a boolean and a timestamp travel.
type spec struct {
	types     map[string]string
	dollar    bool // $1, $2 … instead of ?
	trueValue any  // what a stored true reads back as
	// bindTime turns a time into the bind value the dialect stores.
	bindTime func(time.Time) any
}

var baseTypes = map[string]string{
	"int": "INTEGER", "bigint": "BIGINT", "double": "DOUBLE", "decimal": "DECIMAL(12,2)",
	"varchar": "VARCHAR(100)", "bool": "BOOLEAN", "date": "DATE", "timestamp": "TIMESTAMP",
}

func withTypes(over map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range baseTypes {
		out[k] = v
	}
	for k, v := range over {
		out[k] = v
	}
	return out
}

func sameTime(t time.Time) any { return t }

var specs = map[string]spec{
	"duckdb":   {types: baseTypes, trueValue: true, bindTime: sameTime},
	"postgres": {types: withTypes(map[string]string{"double": "DOUBLE PRECISION"}), dollar: true, trueValue: true, bindTime: sameTime},
	"mysql":    {types: withTypes(map[string]string{"timestamp": "DATETIME(6)"}), trueValue: int64(1), bindTime: sameTime},
	"sqlite": {types: baseTypes, trueValue: int64(1), bindTime: func(t time.Time) any {
		return t.UTC().Format("2006-01-02 15:04:05.999999")
	}},
}

// rebind rewrites ? placeholders for the dialect; the suite's SQL has no
// other question marks.
func (s spec) rebind(q string) string {
	if !s.dollar {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
