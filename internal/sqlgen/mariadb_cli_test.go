package sqlgen_test

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The project has no MySQL driver yet (go-sql-driver/mysql is not in
// go.mod), so this test drives MariaDB through its command-line client:
// each statement is a server-side PREPARE, executed USING user variables
// that hold the arguments. It skips when the client or the server is absent.

// mariadbCLI runs a script on the local server and returns its tab-separated
// output rows.
func mariadbCLI(db, script string) ([][]string, error) {
	args := []string{"-h127.0.0.1", "-P3306", "-uroot", "-N", "-B", "-r"}
	if db != "" {
		args = append(args, db)
	}
	cmd := exec.Command("mariadb", args...)
	cmd.Stdin = strings.NewReader(script)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%v: %s", err, out)
	}
	var rows [][]string
	for _, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		if line != "" {
			rows = append(rows, strings.Split(line, "\t"))
		}
	}
	return rows, nil
}

// mysqlQuote writes a test value as a MySQL literal (test code: the
// renderer itself never does this with arguments).
func mysqlQuote(v any) string {
	switch v := v.(type) {
	case string:
		return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'"
	case time.Time:
		return "'" + v.UTC().Format(time.DateTime) + "'"
	}
	return fmt.Sprint(v)
}

// preparedScript executes query with args as a prepared statement.
func preparedScript(query string, args []any) string {
	var b strings.Builder
	var vars []string
	for i, a := range args {
		name := "@p" + strconv.Itoa(i+1)
		fmt.Fprintf(&b, "SET %s = %s;\n", name, mysqlQuote(a))
		vars = append(vars, name)
	}
	fmt.Fprintf(&b, "PREPARE s FROM %s;\n", mysqlQuote(query))
	b.WriteString("EXECUTE s")
	if len(vars) > 0 {
		b.WriteString(" USING " + strings.Join(vars, ", "))
	}
	b.WriteString(";\n")
	return b.String()
}

// cliNormalize makes the client's text cells comparable with normalize's.
func cliNormalize(rows [][]string) [][]string {
	for _, row := range rows {
		for i, c := range row {
			if f, err := strconv.ParseFloat(c, 64); err == nil && strings.ContainsAny(c, ".") {
				c = normalize(f)
			}
			row[i] = normalize(c)
		}
	}
	return rows
}

// mariadbSkips are the cases whose MariaDB result differs for a known reason.
var mariadbSkips = map[string]string{
	"timezone_and_date_add": "named time zones need the server's time-zone tables (mysql_tzinfo_to_sql)",
}

// TestIntegrationMariaDB runs the golden cases on MariaDB through its client.
func TestIntegrationMariaDB(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test")
	}
	if _, err := exec.LookPath("mariadb"); err != nil {
		t.Skip("no mariadb client on PATH")
	}
	if _, err := mariadbCLI("", "SELECT 1;"); err != nil {
		t.Skipf("MariaDB unreachable at 127.0.0.1:3306: %v", err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	db := "sqlgen_test_" + hex.EncodeToString(b)
	if _, err := mariadbCLI("", "CREATE DATABASE "+db+";"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = mariadbCLI("", "DROP DATABASE IF EXISTS "+db+";") })
	if _, err := mariadbCLI(db, strings.Join(fixtureSQL("DATETIME", "DOUBLE"), ";\n")+";"); err != nil {
		t.Fatal(err)
	}
	run := func(query string, args []any) ([][]string, error) {
		rows, err := mariadbCLI(db, preparedScript(query, args))
		return cliNormalize(rows), err
	}
	checkCases(t, run, "mysql", mariadbSkips)
	checkTimeframesEveryRow(t, run, "mysql")
}
