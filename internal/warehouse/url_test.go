package warehouse_test

import (
	"reflect"
	"testing"

	"github.com/overlookbi/overlook/internal/warehouse"
)

func TestParseURL(t *testing.T) {
	tests := []struct {
		in   string
		want warehouse.Config
	}{
		{"duckdb:///data/thelook.duckdb", warehouse.Config{Dialect: "duckdb", Path: "/data/thelook.duckdb"}},
		{"duckdb:rel/w.duckdb?threads=2", warehouse.Config{Dialect: "duckdb", Path: "rel/w.duckdb", Options: map[string]string{"threads": "2"}}},
		{"sqlite:///var/m.db", warehouse.Config{Dialect: "sqlite", Path: "/var/m.db"}},
		{"postgres://u:p%40ss@db.local:6543/shop?sslmode=disable&schema=ecomm", warehouse.Config{Dialect: "postgres",
			Host: "db.local", Port: 6543, Database: "shop", Username: "u", Password: "p@ss", Schema: "ecomm",
			Options: map[string]string{"sslmode": "disable"}}},
		{"postgresql://h/db", warehouse.Config{Dialect: "postgres", Host: "h", Database: "db"}},
		{"mysql://root@127.0.0.1:3306/test", warehouse.Config{Dialect: "mysql", Host: "127.0.0.1", Port: 3306, Database: "test", Username: "root"}},
	}
	for _, tt := range tests {
		got, err := warehouse.ParseURL(tt.in)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseURL(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "oracle://h/db", "postgres:///db", "mysql://h:99999/db", "duckdb://host/file", "duckdb://", "%zz"} {
		if got, err := warehouse.ParseURL(bad); err == nil {
			t.Errorf("ParseURL(%q) = %+v, want an error", bad, got)
		}
	}
}
