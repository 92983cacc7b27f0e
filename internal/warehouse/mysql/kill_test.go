package mysql_test

import (
	"context"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/warehouse"
	"github.com/overlookbi/overlook/internal/warehouse/enginetest"
)

// TestCancelKillsTheStatement: after its context is cancelled, the
// statement is gone from the server too, not just from the client.
func TestCancelKillsTheStatement(t *testing.T) {
	cfg, db := enginetest.MySQL(t)
	e, err := warehouse.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	marker := enginetest.RandomName("ov_kill_probe_")
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if rows, err := e.Query(ctx, "SELECT SLEEP(30) AS "+marker); err == nil {
		for rows.Next() {
		}
		rows.Close()
	}
	// Without KILL QUERY, MariaDB notices the closed socket only after about
	// five seconds.
	deadline := time.Now().Add(2 * time.Second)
	for {
		var n int
		err := db.QueryRow("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE ? AND ID <> CONNECTION_ID()",
			"%"+marker+"%").Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the cancelled statement still runs on the server")
		}
		time.Sleep(100 * time.Millisecond)
	}
}
