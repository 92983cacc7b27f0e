package demo_test

import (
	"context"
	"testing"

	"github.com/overlookbi/overlook/internal/demo"
	"github.com/overlookbi/overlook/internal/warehouse/enginetest"
)

func TestLoadURL(t *testing.T) {
	o := demo.Options{Scale: 0.001, AsOf: asOf}
	cfg, db := enginetest.Postgres(t)
	if err := demo.LoadURL(context.Background(), "postgres://postgres@127.0.0.1:5432/"+cfg.Database+"?sslmode=disable", o, nil); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM users").Scan(&n); err != nil || n != 100 {
		t.Fatalf("users: %d, %v; want 100", n, err)
	}
	for _, bad := range []string{"duckdb:///tmp/x.duckdb", "ftp://x/y", "postgres://127.0.0.1:1/nothing?sslmode=disable&connect_timeout=2"} {
		if err := demo.LoadURL(context.Background(), bad, o, nil); err == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
}
