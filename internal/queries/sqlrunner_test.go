package queries

import (
	"bytes"
	"context"
	"testing"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/results"
)

func TestSQLFieldType(t *testing.T) {
	for dbType, want := range map[string]string{
		"INTEGER": "number", "INT8": "number", "BIGINT": "number", "HUGEINT": "number", "NUMERIC": "number",
		"DECIMAL(10,2)": "number", "FLOAT8": "number", "DOUBLE": "number", "REAL": "number",
		"DATE": "date", "TIMESTAMP": "date_time", "TIMESTAMPTZ": "date_time", "DATETIME": "date_time",
		"BOOL": "yesno", "BOOLEAN": "yesno", "TEXT": "string", "VARCHAR": "string", "": "string", "UUID": "string",
	} {
		if got := sqlFieldType(dbType); got != want {
			t.Errorf("%q: %q, want %q", dbType, got, want)
		}
	}
}

func TestRunSQLLabelsColumnsByName(t *testing.T) {
	eng := openEngine(t)
	if _, err := eng.db.Exec(`CREATE TABLE t (name TEXT, price REAL); INSERT INTO t VALUES ('a', 1.5)`); err != nil {
		t.Fatal(err)
	}
	csv, _ := results.Resolve("csv")
	var out bytes.Buffer
	n, err := RunSQL(context.Background(), eng, `SELECT name, price AS "Unit Price" FROM t`, csv, &out, results.Options{})
	if err != nil || n != 1 || out.String() != "name,Unit Price\na,1.5\n" {
		t.Errorf("%d rows, %v: %q", n, err, out.String())
	}
}

func TestRunSQLFailureWritesNothing(t *testing.T) {
	csv, _ := results.Resolve("csv")
	var out bytes.Buffer
	_, err := RunSQL(context.Background(), openEngine(t), `SELECT * FROM missing`, csv, &out, results.Options{})
	if overlook.ErrorCode(err) != overlook.EBADREQUEST || out.Len() != 0 {
		t.Errorf("error %v, wrote %q", err, out.String())
	}
	sqlFormat, _ := results.Resolve("sql")
	out.Reset()
	if _, err := RunSQL(context.Background(), openEngine(t), `SELECT * FROM missing`, sqlFormat, &out, results.Options{}); err != nil ||
		!bytes.Contains(out.Bytes(), []byte("SELECT * FROM missing")) {
		t.Errorf("sql format: %v %q", err, out.String())
	}
}
