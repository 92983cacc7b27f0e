package store

import (
	"context"
	"encoding/json"
	"time"
)

// LookmlModel is the configuration of a LookML model created through the
// API: which project holds it and which connections it may use. Models the
// catalog serves exist without one.
type LookmlModel struct {
	Name                     string
	ProjectName              string
	AllowedDBConnectionNames []string
	UnlimitedDBConnections   bool
	CreatedAt                time.Time
}

const lookmlModelColumns = `name, project_name, allowed_db_connection_names, unlimited_db_connections, created_at`

// LookmlModels lists every stored model configuration by name.
func (s *Store) LookmlModels(ctx context.Context) ([]*LookmlModel, error) {
	var out []*LookmlModel
	err := s.eachRow(ctx, `SELECT `+lookmlModelColumns+` FROM lookml_models ORDER BY name`, nil,
		func(sc scanner) error {
			m, err := scanLookmlModel(sc)
			out = append(out, m)
			return err
		})
	return out, err
}

// LookmlModel reads one model configuration; a not-found error when absent.
func (s *Store) LookmlModel(ctx context.Context, name string) (*LookmlModel, error) {
	m, err := scanLookmlModel(s.queryRow(ctx, `SELECT `+lookmlModelColumns+` FROM lookml_models WHERE name = ?`, name))
	return m, s.mapErr(err)
}

// CreateLookmlModel stores a new configuration; a conflict when the name is taken.
func (s *Store) CreateLookmlModel(ctx context.Context, m *LookmlModel) error {
	conns, err := json.Marshal(nonNil(m.AllowedDBConnectionNames))
	if err != nil {
		return err
	}
	m.CreatedAt = fromMillis(s.ms())
	_, err = s.exec(ctx, `INSERT INTO lookml_models (`+lookmlModelColumns+`) VALUES (?, ?, ?, ?, ?)`,
		m.Name, m.ProjectName, string(conns), m.UnlimitedDBConnections, m.CreatedAt.UnixMilli())
	return s.mapErr(err)
}

// UpdateLookmlModel rewrites the configuration named name (which m may rename).
func (s *Store) UpdateLookmlModel(ctx context.Context, name string, m *LookmlModel) error {
	conns, err := json.Marshal(nonNil(m.AllowedDBConnectionNames))
	if err != nil {
		return err
	}
	return s.affectedOne(s.exec(ctx, `UPDATE lookml_models SET name = ?, project_name = ?,
		allowed_db_connection_names = ?, unlimited_db_connections = ? WHERE name = ?`,
		m.Name, m.ProjectName, string(conns), m.UnlimitedDBConnections, name))
}

// DeleteLookmlModel removes a configuration; a not-found error when absent.
func (s *Store) DeleteLookmlModel(ctx context.Context, name string) error {
	return s.affectedOne(s.exec(ctx, `DELETE FROM lookml_models WHERE name = ?`, name))
}

func scanLookmlModel(sc scanner) (*LookmlModel, error) {
	m := &LookmlModel{}
	var conns string
	var created int64
	if err := sc.Scan(&m.Name, &m.ProjectName, &conns, &m.UnlimitedDBConnections, &created); err != nil {
		return nil, err
	}
	m.CreatedAt = fromMillis(created)
	return m, json.Unmarshal([]byte(conns), &m.AllowedDBConnectionNames)
}

// SysActivityViews are the views migrations 00030 and 00080 create for
// the system__activity model: the only metadata that model may read.
var SysActivityViews = []string{"sa_user", "sa_group", "sa_group_user", "sa_role", "sa_role_user",
	"sa_model_set", "sa_permission_set", "sa_folder", "sa_event", "sa_history", "sa_query"}

// SysActivityColumns returns the columns of each system__activity view.
func (s *Store) SysActivityColumns(ctx context.Context) (map[string][]string, error) {
	out := map[string][]string{}
	for _, view := range SysActivityViews {
		// view comes from the constant list above, never from a request.
		rows, err := s.query(ctx, `SELECT * FROM `+view+` WHERE 1 = 0`)
		if err != nil {
			return nil, wrap("columns of "+view, err)
		}
		cols, err := rows.Columns()
		rows.Close()
		if err != nil {
			return nil, wrap("columns of "+view, err)
		}
		out[view] = cols
	}
	return out, nil
}
