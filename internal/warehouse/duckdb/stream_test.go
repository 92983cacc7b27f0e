package duckdb

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/overlookbi/overlook/internal/warehouse"
)

// typesTable has a column of every type streamRows decodes, with NULLs,
// long and short strings and the infinite date and timestamp.
const typesTable = `CREATE TABLE t AS SELECT * FROM (VALUES
	(true, -5::TINYINT, -300::SMALLINT, 70000::INTEGER, 9007199254740993::BIGINT, 200::UTINYINT,
	 60000::USMALLINT, 4000000000::UINTEGER, 18446744073709551615::UBIGINT, 1.5::FLOAT, 0.1::DOUBLE,
	 'short', 'a string longer than twelve bytes', '\x00\xff'::BLOB, DATE '2024-02-29',
	 TIMESTAMP '2024-02-29 13:14:15.123456', TIMESTAMPTZ '2024-02-29 13:14:15+00',
	 '2024-02-29 13:14:15'::TIMESTAMP_S, '2024-02-29 13:14:15.123'::TIMESTAMP_MS,
	 '2024-02-29 13:14:15.123456789'::TIMESTAMP_NS, 12.34::DECIMAL(4,2), -1234567.891::DECIMAL(12,3),
	 123456789012345.678::DECIMAL(18,3)),
	(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'nan'::FLOAT, '-inf'::DOUBLE,
	 NULL, '', NULL, 'infinity'::DATE, '-infinity'::TIMESTAMP, NULL, NULL, NULL, NULL, NULL, 0::DECIMAL(12,3), NULL)
) v(b, ti, si, i, bi, uti, usi, ui, ubi, f, d, s, l, bl, dt, ts, tz, tss, tsms, tsns, d1, d2, d3)`

func openStreaming(t *testing.T) *connector {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.duckdb")
	dsn, err := DSN(warehouse.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	c, err := newConnector(dsn, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func connect(t *testing.T, c *connector) *streamConn {
	t.Helper()
	dc, err := c.Connect(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dc.Close() })
	return dc.(*streamConn)
}

func readAll(t *testing.T, rows driver.Rows) (types []string, out [][]any) {
	t.Helper()
	defer rows.Close()
	if tn, ok := rows.(driver.RowsColumnTypeDatabaseTypeName); ok {
		for i := range rows.Columns() {
			types = append(types, tn.ColumnTypeDatabaseTypeName(i))
		}
	}
	dest := make([]driver.Value, len(rows.Columns()))
	for {
		err := rows.Next(dest)
		if errors.Is(err, io.EOF) {
			return types, out
		}
		if err != nil {
			t.Fatal(err)
		}
		row := make([]any, len(dest))
		for i, v := range dest {
			row[i] = warehouse.NormalizeTyped(types[i], v)
		}
		out = append(out, row)
	}
}

// TestStreamMatchesDriver: every decoded type reads back as the driver
// reads it, after normalizing, with the same database type names.
func TestStreamMatchesDriver(t *testing.T) {
	c := connect(t, openStreaming(t))
	ctx := context.Background()
	if _, err := c.ExecContext(ctx, typesTable, nil); err != nil {
		t.Fatal(err)
	}
	const q = "SELECT * FROM t ORDER BY b NULLS LAST"
	streamed, err := c.QueryContext(ctx, q, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := streamed.(*streamRows); !ok {
		t.Fatalf("rows are %T, want streamed rows", streamed)
	}
	gotTypes, got := readAll(t, streamed)
	plain, err := c.Conn.QueryContext(ctx, q, nil)
	if err != nil {
		t.Fatal(err)
	}
	wantTypes, want := readAll(t, plain)
	if !reflect.DeepEqual(gotTypes, wantTypes) {
		t.Errorf("types\n got %v\nwant %v", gotTypes, wantTypes)
	}
	for i := range want {
		for j := range want[i] {
			if !reflect.DeepEqual(got[i][j], want[i][j]) {
				t.Errorf("row %d column %d (%s): got %#v, want %#v", i, j, wantTypes[j], got[i][j], want[i][j])
			}
		}
	}
}

// TestStreamBindsArguments: positional arguments of the plain types bind
// as the driver binds them (result types known when prepared, as with the
// compiler's filters).
func TestStreamBindsArguments(t *testing.T) {
	c := connect(t, openStreaming(t))
	rows, err := c.QueryContext(context.Background(), "SELECT ?::VARCHAR, ?::BIGINT + 1, ?::DOUBLE * 2, ?::INTEGER IS NULL, NOT ?::BOOLEAN",
		[]driver.NamedValue{{Ordinal: 1, Value: "x"}, {Ordinal: 2, Value: int64(41)}, {Ordinal: 3, Value: 1.25},
			{Ordinal: 4, Value: nil}, {Ordinal: 5, Value: false}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := rows.(*streamRows); !ok {
		t.Fatalf("rows are %T, want streamed rows", rows)
	}
	_, got := readAll(t, rows)
	want := [][]any{{"x", int64(42), 2.5, true, true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v, want %#v", got, want)
	}
}

// TestStreamFallsBack: what the streaming path does not handle runs on the
// driver's connection and answers as before.
func TestStreamFallsBack(t *testing.T) {
	c := connect(t, openStreaming(t))
	ctx := context.Background()
	for _, q := range []string{
		"SELECT [1, 2] AS l, {'a': 1} AS s",     // types it does not decode
		"SELECT 1; SELECT 2",                    // several statements
		"CREATE TABLE x AS SELECT 1 AS a",       // not a SELECT
		"SELECT 1::HUGEINT, 1.5::DECIMAL(30,1)", // wide numbers
	} {
		rows, err := c.QueryContext(ctx, q, nil)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		if _, ok := rows.(*streamRows); ok {
			t.Errorf("%s: streamed", q)
		}
		readAll(t, rows)
	}
	if _, err := c.QueryContext(ctx, "SELECT * FROM nowhere", nil); err == nil {
		t.Error("a missing table: no error")
	}
}

// TestStreamCancel: cancelling the context stops a streamed query with
// the context's error, and the connection answers the next query.
func TestStreamCancel(t *testing.T) {
	c := connect(t, openStreaming(t))
	ctx, cancel := context.WithCancel(context.Background())
	rows, err := c.QueryContext(ctx, "SELECT r FROM range(100000000) t(r)", nil)
	if err != nil {
		t.Fatal(err)
	}
	dest := make([]driver.Value, 1)
	if err := rows.Next(dest); err != nil {
		t.Fatal(err)
	}
	cancel()
	for err == nil {
		err = rows.Next(dest)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("after cancel: %v, want context.Canceled", err)
	}
	rows.Close()
	rows, err = c.QueryContext(context.Background(), "SELECT 7", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, got := readAll(t, rows); !reflect.DeepEqual(got, [][]any{{int64(7)}}) {
		t.Errorf("next query: %v", got)
	}
}

// TestStreamInTransaction: inside a transaction queries see its writes.
func TestStreamInTransaction(t *testing.T) {
	c := connect(t, openStreaming(t))
	ctx := context.Background()
	if _, err := c.ExecContext(ctx, "CREATE TABLE n (x INTEGER)", nil); err != nil {
		t.Fatal(err)
	}
	tx, err := c.BeginTx(ctx, driver.TxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ExecContext(ctx, "INSERT INTO n VALUES (1)", nil); err != nil {
		t.Fatal(err)
	}
	rows, err := c.QueryContext(ctx, "SELECT count(*) FROM n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, got := readAll(t, rows); !reflect.DeepEqual(got, [][]any{{int64(1)}}) {
		t.Errorf("inside the transaction: %v", got)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	rows, err = c.QueryContext(ctx, "SELECT count(*) FROM n", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := rows.(*streamRows); !ok {
		t.Errorf("after the transaction: rows are %T, want streamed rows", rows)
	}
	if _, got := readAll(t, rows); !reflect.DeepEqual(got, [][]any{{int64(0)}}) {
		t.Errorf("after rollback: %v", got)
	}
}

// TestStreamKeepsStatements: a statement kept from an earlier run binds
// new arguments, and follows the table when it changes under it.
func TestStreamKeepsStatements(t *testing.T) {
	c := connect(t, openStreaming(t))
	ctx := context.Background()
	exec := func(q string) {
		t.Helper()
		if _, err := c.ExecContext(ctx, q, nil); err != nil {
			t.Fatal(err)
		}
	}
	query := func(q string, args ...any) [][]any {
		t.Helper()
		named := make([]driver.NamedValue, len(args))
		for i, a := range args {
			named[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
		}
		rows, err := c.QueryContext(ctx, q, named)
		if err != nil {
			t.Fatal(err)
		}
		_, out := readAll(t, rows)
		return out
	}
	exec("CREATE TABLE k AS SELECT 1 AS x UNION ALL SELECT 2")
	const q = "SELECT * FROM k WHERE x > ? ORDER BY 1"
	for _, n := range []int64{0, 1, 2} {
		if got := query(q, n); len(got) != int(2-n) {
			t.Errorf("x > %d: %v", n, got)
		}
	}
	if len(c.stmts) != 1 {
		t.Errorf("%d statements kept, want 1", len(c.stmts))
	}
	exec("DROP TABLE k")
	exec("CREATE TABLE k AS SELECT 5 AS x, 'five' AS name")
	if got := query(q, int64(0)); !reflect.DeepEqual(got, [][]any{{int64(5), "five"}}) {
		t.Errorf("after the table changed: %v", got)
	}
	exec("DROP TABLE k")
	exec("CREATE TABLE k AS SELECT 6 AS x, [1, 2] AS list")
	if got := query(q, int64(0)); !reflect.DeepEqual(got, [][]any{{int64(6), []any{int64(1), int64(2)}}}) {
		t.Errorf("after the table changed to a list: %v", got)
	}
}
