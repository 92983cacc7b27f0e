package postgres_test

import (
	"testing"

	"github.com/overlookbi/overlook/internal/warehouse"
	"github.com/overlookbi/overlook/internal/warehouse/enginetest"
	"github.com/overlookbi/overlook/internal/warehouse/postgres"
)

func TestConformance(t *testing.T) { enginetest.RunServer(t, enginetest.Postgres) }

func TestConnConfigRefusesUnknownOptions(t *testing.T) {
	for _, opt := range []string{"host", "passfile", "sslkey", "sslcert", "sslrootcert", "options", "service"} {
		_, err := postgres.ConnConfig(warehouse.Config{Host: "h", Options: map[string]string{opt: "x"}})
		if err == nil {
			t.Errorf("option %q accepted", opt)
		}
	}
}

func TestConnConfigEscapesValues(t *testing.T) {
	cfg := warehouse.Config{Host: "127.0.0.1", Database: "db?sslmode=disable&x=1", Username: "u@x", Password: "p:/@?&#"}
	c, err := postgres.ConnConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if c.Database != cfg.Database || c.User != cfg.Username || c.Password != cfg.Password {
		t.Fatalf("values changed in transit: db=%q user=%q password=%q", c.Database, c.User, c.Password)
	}
}

func TestConnConfigIgnoresEnvironmentPassword(t *testing.T) {
	t.Setenv("PGPASSWORD", "operator-secret")
	c, err := postgres.ConnConfig(warehouse.Config{Host: "elsewhere.example", Username: "u"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Password != "" {
		t.Fatalf("password %q borrowed from the environment", c.Password)
	}
}
