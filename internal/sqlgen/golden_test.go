package sqlgen_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/sqlgen"
	"github.com/overlookbi/overlook/internal/sqlgen/dialect"
)

var update = flag.Bool("update", false, "rewrite the golden SQL files under testdata/")

// TestGolden renders every case for every dialect and compares it with
// testdata/<case>/<dialect>.sql: the SQL, then its arguments or the error.
func TestGolden(t *testing.T) {
	for _, c := range cases {
		for _, name := range dialect.Names() {
			t.Run(c.name+"/"+name, func(t *testing.T) {
				d, _ := dialect.Lookup(name)
				got := goldenText(c.build(d), d)
				path := filepath.Join("testdata", c.name, name+".sql")
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if got != string(want) {
					t.Errorf("%s differs (run with -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
				}
			})
		}
	}
}

// goldenText is the SQL and its arguments, or the error, as a file.
func goldenText(s *sqlgen.Select, d sqlgen.Dialect) string {
	sql, args, err := sqlgen.Render(s, d)
	if err != nil {
		return "-- error: " + err.Error() + "\n"
	}
	var b strings.Builder
	b.WriteString(sql)
	b.WriteString("\n-- args:")
	for i, a := range args {
		fmt.Fprintf(&b, " %s=%s", d.Placeholder(i+1), formatArg(a))
	}
	b.WriteString("\n")
	return b.String()
}

func formatArg(a any) string {
	switch v := a.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case time.Time:
		return v.Format(time.RFC3339)
	}
	return fmt.Sprintf("%v", a)
}
