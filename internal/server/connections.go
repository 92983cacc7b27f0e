package server

import (
	"fmt"
	"path/filepath"

	"github.com/overlookbi/overlook/internal/config"
	"github.com/overlookbi/overlook/internal/connections"
	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/internal/warehouse"
)

// SystemActivityConnection is the hidden connection of the system__activity
// model: the metadata database itself, read-only.
const SystemActivityConnection = "system__activity"

// openConnections registers the connections an operator configured — the
// metadata database for system__activity and every --connection — which
// the API cannot change.
func openConnections(st *store.Store, cfg config.Config, key []byte) (*connections.Service, error) {
	svc := connections.New(st, key)
	svc.SetFilesDir(filepath.Join(cfg.DataDir, "files"))
	sys := warehouse.Config{Name: SystemActivityConnection, Dialect: "sqlite", Path: filepath.Join(cfg.DataDir, "overlook.db"), ReadOnly: true}
	if st.Backend() == "postgres" {
		var err error
		if sys, err = connections.ParseDSN(SystemActivityConnection, cfg.DatabaseURL); err != nil {
			return nil, err
		}
	}
	if err := svc.AddStatic(sys); err != nil {
		return nil, err
	}
	for _, flag := range cfg.Connections {
		c, err := connections.ParseFlag(flag)
		if err != nil {
			return nil, fmt.Errorf("--connection %s: %w", flag, err)
		}
		if err := svc.AddStatic(c); err != nil {
			return nil, fmt.Errorf("--connection %s: %w", flag, err)
		}
	}
	return svc, nil
}
