package mysql_test

import (
	"testing"

	"github.com/overlookbi/overlook/internal/warehouse"
	"github.com/overlookbi/overlook/internal/warehouse/enginetest"
	"github.com/overlookbi/overlook/internal/warehouse/mysql"
)

func TestConformance(t *testing.T) { enginetest.RunServer(t, enginetest.MySQL) }

func TestDriverConfigIsHardened(t *testing.T) {
	c, err := mysql.DriverConfig(warehouse.Config{Host: "h", Database: "d", Password: "p@(x)/?"})
	if err != nil {
		t.Fatal(err)
	}
	if c.AllowAllFiles || c.MultiStatements || c.InterpolateParams || !c.ParseTime || c.Passwd != "p@(x)/?" {
		t.Fatalf("config not hardened: %+v", c)
	}
	for _, opt := range []string{"allowAllFiles", "multiStatements", "local_infile", "interpolateParams", "allowCleartextPasswords"} {
		if _, err := mysql.DriverConfig(warehouse.Config{Options: map[string]string{opt: "true"}}); err == nil {
			t.Errorf("option %q accepted", opt)
		}
	}
}
