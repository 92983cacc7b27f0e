package store

import (
	"context"
	"database/sql"
	"time"
)

// Dashboard is a page of tiles with filters, in a folder. Settings holds
// its presentation options as a JSON object.
type Dashboard struct {
	ContentItem
	Slug            string
	Hidden          bool
	RefreshInterval string
	QueryTimezone   string
	Settings        string
}

const dashboardColumns = itemColumns + `, slug, hidden, refresh_interval, query_timezone, settings`

func scanDashboard(sc scanner) (*Dashboard, error) {
	d := &Dashboard{}
	targets, finish := itemTargets(&d.ContentItem)
	err := sc.Scan(append(targets, &d.Slug, &d.Hidden, &d.RefreshInterval, &d.QueryTimezone, &d.Settings)...)
	finish()
	return d, err
}

// DashboardElement is a tile: a query, a look or text. Texts and
// ResultMaker are JSON objects.
type DashboardElement struct {
	ID          int64
	DashboardID int64
	Type        string
	Title       string
	QueryID     int64
	LookID      int64
	Texts       string
	ResultMaker string
	CreatedAt   time.Time
}

// DashboardFilter is a filter of a dashboard; ListensToFilters is a JSON
// array, UIConfig a JSON object.
type DashboardFilter struct {
	ID                  int64
	DashboardID         int64
	Name                string
	Title               string
	Type                string
	DefaultValue        string
	Model               string
	Explore             string
	Dimension           string
	Row                 int64
	ListensToFilters    string
	AllowMultipleValues bool
	Required            bool
	UIConfig            string
}

// DashboardLayout arranges a dashboard's tiles; one layout is active.
type DashboardLayout struct {
	ID          int64
	DashboardID int64
	Type        string
	Active      bool
	ColumnWidth *int64
	Width       *int64
	Label       string
	Description string
	Order       int64
}

// LayoutComponent places one tile in one layout.
type LayoutComponent struct {
	ID        int64
	LayoutID  int64
	ElementID int64
	Row       int64
	Column    int64
	Width     int64
	Height    int64
	Deleted   bool
}

// Tile sizes of a new tile's layout components.
const (
	tileWidth  = 8
	tileHeight = 6
)

// CreateDashboard inserts d with its content_metadata row and a default
// active layout, and sets its ids and times.
func (s *Store) CreateDashboard(ctx context.Context, d *Dashboard) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.createDashboard(ctx, tx, d); err != nil {
			return err
		}
		return s.createLayout(ctx, tx, &DashboardLayout{DashboardID: d.ID, Type: "newspaper", Active: true})
	})
}

func (s *Store) createDashboard(ctx context.Context, tx *sql.Tx, d *Dashboard) error {
	now := s.ms()
	if d.Settings == "" {
		d.Settings = "{}"
	}
	id, err := s.insert(ctx, tx, `INSERT INTO dashboards (title, description, folder_id, user_id, slug, hidden,
		refresh_interval, query_timezone, settings, deleted, deleted_at, deleter_id, last_updater_id, created_at, updated_at)
		VALUES (`+placeholders(15)+`)`, d.Title, d.Description, d.FolderID, nullInt(d.UserID), d.Slug, d.Hidden,
		d.RefreshInterval, d.QueryTimezone, d.Settings, d.Deleted, nullTime(d.DeletedAt), nullInt(d.DeleterID),
		nullInt(d.UserID), now, now)
	if err != nil {
		return wrap("create dashboard", err)
	}
	meta, err := s.itemMetadata(ctx, tx, "dashboard", id, d.FolderID)
	if err != nil {
		return err
	}
	d.ID, d.ContentMetadataID, d.LastUpdaterID = id, meta, d.UserID
	d.CreatedAt, d.UpdatedAt = fromMillis(now), fromMillis(now)
	return nil
}

// Dashboard returns one dashboard, in the trash or not.
func (s *Store) Dashboard(ctx context.Context, id int64) (*Dashboard, error) {
	d, err := scanDashboard(s.queryRow(ctx, `SELECT `+dashboardColumns+` FROM dashboards WHERE id = ?`, id))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return d, nil
}

// Dashboards returns every dashboard f selects, sorted (id last).
func (s *Store) Dashboards(ctx context.Context, f ItemFilter) ([]*Dashboard, error) {
	where, args := itemWhere(f, func(w *whereBuilder) {
		if f.Slug != "" {
			w.add("slug = ?", f.Slug)
		}
	})
	var out []*Dashboard
	err := s.eachRow(ctx, `SELECT `+dashboardColumns+` FROM dashboards `+where+` ORDER BY `+
		orderBy(itemSortColumns, f.Sorts, "id"), args, func(sc scanner) error {
		d, err := scanDashboard(sc)
		out = append(out, d)
		return err
	})
	return out, err
}

// UpdateDashboard stores d's writable properties (not its folder: see
// MoveDashboard) and its trash state, and sets UpdatedAt.
func (s *Store) UpdateDashboard(ctx context.Context, d *Dashboard) error {
	now := s.ms()
	res, err := s.exec(ctx, `UPDATE dashboards SET title = ?, description = ?, hidden = ?, refresh_interval = ?,
		query_timezone = ?, settings = ?, deleted = ?, deleted_at = ?, deleter_id = ?, last_updater_id = ?, updated_at = ?
		WHERE id = ?`, d.Title, d.Description, d.Hidden, d.RefreshInterval, d.QueryTimezone, d.Settings, d.Deleted,
		nullTime(d.DeletedAt), nullInt(d.DeleterID), nullInt(d.LastUpdaterID), now, d.ID)
	if err := s.affectedOne(res, err); err != nil {
		return err
	}
	d.UpdatedAt = fromMillis(now)
	return nil
}

// MoveDashboard puts a dashboard in another folder.
func (s *Store) MoveDashboard(ctx context.Context, id, folderID int64) error {
	return s.moveItem(ctx, "dashboard", id, folderID)
}

// DeleteDashboard removes a dashboard for good, with its tiles, filters,
// layouts and content_metadata row.
func (s *Store) DeleteDashboard(ctx context.Context, id int64) error {
	return s.deleteItem(ctx, "dashboard", id)
}

// CopyDashboard copies dashboard id with its filters, tiles and layouts
// into to (its folder, title, owner and slug set by the caller).
func (s *Store) CopyDashboard(ctx context.Context, id int64, to *Dashboard) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.createDashboard(ctx, tx, to); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, s.q(`INSERT INTO dashboard_filters (dashboard_id, name, title, type, default_value, model, explore, dimension,
				row_num, listens_to_filters, allow_multiple_values, required, ui_config)
			SELECT ?, name, title, type, default_value, model, explore, dimension, row_num, listens_to_filters,
				allow_multiple_values, required, ui_config FROM dashboard_filters WHERE dashboard_id = ? ORDER BY id`), to.ID, id)
		if err != nil {
			return wrap("copy dashboard filters", err)
		}
		elements, err := s.copyRows(ctx, tx, `SELECT id FROM dashboard_elements WHERE dashboard_id = ? ORDER BY id`, id,
			`INSERT INTO dashboard_elements (dashboard_id, type, title, query_id, look_id, texts, result_maker, created_at)
			SELECT ?, type, title, query_id, look_id, texts, result_maker, created_at FROM dashboard_elements WHERE id = ?`, to.ID)
		if err != nil {
			return err
		}
		layouts, err := s.copyRows(ctx, tx, `SELECT id FROM dashboard_layouts WHERE dashboard_id = ? ORDER BY id`, id,
			`INSERT INTO dashboard_layouts (dashboard_id, type, active, column_width, width, label, description, sort_order)
			SELECT ?, type, active, column_width, width, label, description, sort_order FROM dashboard_layouts WHERE id = ?`, to.ID)
		if err != nil {
			return err
		}
		for oldLayout, newLayout := range layouts {
			for oldElement, newElement := range elements {
				_, err := tx.ExecContext(ctx, s.q(`INSERT INTO dashboard_layout_components (dashboard_layout_id,
					dashboard_element_id, row_num, col_num, width, height, deleted)
					SELECT ?, ?, row_num, col_num, width, height, deleted FROM dashboard_layout_components
					WHERE dashboard_layout_id = ? AND dashboard_element_id = ?`), newLayout, newElement, oldLayout, oldElement)
				if err != nil {
					return wrap("copy dashboard layouts", err)
				}
			}
		}
		return nil
	})
}

// copyRows copies each row listed by list (given from) with insert (given
// to and the row's id) and maps the old ids to the new.
func (s *Store) copyRows(ctx context.Context, tx *sql.Tx, list string, from int64, insert string, to int64) (map[int64]int64, error) {
	ids, err := s.idsTx(ctx, tx, list, from)
	if err != nil {
		return nil, err
	}
	out := map[int64]int64{}
	for _, old := range ids {
		id, err := s.insert(ctx, tx, insert, to, old)
		if err != nil {
			return nil, wrap("copy dashboard", err)
		}
		out[old] = id
	}
	return out, nil
}

func (s *Store) idsTx(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, s.q(q), args...)
	if err != nil {
		return nil, wrap("ids", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, wrap("ids", err)
		}
		ids = append(ids, id)
	}
	return ids, wrap("ids", rows.Err())
}

const elementColumns = `id, dashboard_id, type, title, query_id, look_id, texts, result_maker, created_at`

func scanElement(sc scanner) (*DashboardElement, error) {
	e := &DashboardElement{}
	var query, look sql.NullInt64
	var created int64
	err := sc.Scan(&e.ID, &e.DashboardID, &e.Type, &e.Title, &query, &look, &e.Texts, &e.ResultMaker, &created)
	e.QueryID, e.LookID, e.CreatedAt = query.Int64, look.Int64, fromMillis(created)
	return e, err
}

// CreateDashboardElement inserts e and gives it a component in every
// layout of its dashboard, below the tiles already there.
func (s *Store) CreateDashboardElement(ctx context.Context, e *DashboardElement) error {
	now := s.ms()
	return s.tx(ctx, func(tx *sql.Tx) error {
		id, err := s.insert(ctx, tx, `INSERT INTO dashboard_elements (dashboard_id, type, title, query_id, look_id, texts,
			result_maker, created_at) VALUES (`+placeholders(8)+`)`, e.DashboardID, e.Type, e.Title, nullInt(e.QueryID),
			nullInt(e.LookID), e.Texts, e.ResultMaker, now)
		if err != nil {
			return wrap("create dashboard element", err)
		}
		layouts, err := s.idsTx(ctx, tx, `SELECT id FROM dashboard_layouts WHERE dashboard_id = ? ORDER BY id`, e.DashboardID)
		if err != nil {
			return err
		}
		for _, layout := range layouts {
			if err := s.addComponent(ctx, tx, layout, id); err != nil {
				return err
			}
		}
		e.ID, e.CreatedAt = id, fromMillis(now)
		return nil
	})
}

// addComponent places element at the bottom of layout, at the left.
func (s *Store) addComponent(ctx context.Context, tx *sql.Tx, layout, element int64) error {
	var bottom int64
	err := tx.QueryRowContext(ctx, s.q(`SELECT COALESCE(MAX(row_num + height), 0) FROM dashboard_layout_components
		WHERE dashboard_layout_id = ?`), layout).Scan(&bottom)
	if err != nil {
		return wrap("layout component", err)
	}
	_, err = tx.ExecContext(ctx, s.q(`INSERT INTO dashboard_layout_components (dashboard_layout_id, dashboard_element_id,
		row_num, col_num, width, height) VALUES (?, ?, ?, 0, ?, ?)`), layout, element, bottom, tileWidth, tileHeight)
	return wrap("layout component", err)
}

// DashboardElement returns one tile.
func (s *Store) DashboardElement(ctx context.Context, id int64) (*DashboardElement, error) {
	e, err := scanElement(s.queryRow(ctx, `SELECT `+elementColumns+` FROM dashboard_elements WHERE id = ?`, id))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return e, nil
}

// ElementFilter selects tiles; zero fields match everything.
type ElementFilter struct {
	DashboardID int64
	LookID      int64
	Title       string // LIKE pattern
	FilterOr    bool
}

// DashboardElements returns the tiles f selects, oldest first.
func (s *Store) DashboardElements(ctx context.Context, f ElementFilter) ([]*DashboardElement, error) {
	w := &whereBuilder{}
	if f.DashboardID != 0 {
		w.add("dashboard_id = ?", f.DashboardID)
	}
	if f.LookID != 0 {
		w.add("look_id = ?", f.LookID)
	}
	w.like("title", f.Title)
	var out []*DashboardElement
	err := s.eachRow(ctx, `SELECT `+elementColumns+` FROM dashboard_elements `+w.sql(f.FilterOr)+` ORDER BY id`, w.args,
		func(sc scanner) error {
			e, err := scanElement(sc)
			out = append(out, e)
			return err
		})
	return out, err
}

// UpdateDashboardElement stores e's properties (not its dashboard).
func (s *Store) UpdateDashboardElement(ctx context.Context, e *DashboardElement) error {
	res, err := s.exec(ctx, `UPDATE dashboard_elements SET type = ?, title = ?, query_id = ?, look_id = ?, texts = ?,
		result_maker = ? WHERE id = ?`, e.Type, e.Title, nullInt(e.QueryID), nullInt(e.LookID), e.Texts, e.ResultMaker, e.ID)
	return s.affectedOne(res, err)
}

// DeleteDashboardElement removes a tile and its layout components.
func (s *Store) DeleteDashboardElement(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM dashboard_elements WHERE id = ?`, id)
	return s.affectedOne(res, err)
}

const filterColumns = `id, dashboard_id, name, title, type, default_value, model, explore, dimension, row_num,
	listens_to_filters, allow_multiple_values, required, ui_config`

func scanFilter(sc scanner) (*DashboardFilter, error) {
	f := &DashboardFilter{}
	err := sc.Scan(&f.ID, &f.DashboardID, &f.Name, &f.Title, &f.Type, &f.DefaultValue, &f.Model, &f.Explore,
		&f.Dimension, &f.Row, &f.ListensToFilters, &f.AllowMultipleValues, &f.Required, &f.UIConfig)
	return f, err
}

// CreateDashboardFilter inserts f; a name the dashboard already has is a
// conflict.
func (s *Store) CreateDashboardFilter(ctx context.Context, f *DashboardFilter) error {
	id, err := s.insert(ctx, s.w, `INSERT INTO dashboard_filters (dashboard_id, name, title, type, default_value, model,
		explore, dimension, row_num, listens_to_filters, allow_multiple_values, required, ui_config)
		VALUES (`+placeholders(13)+`)`, f.DashboardID, f.Name, f.Title, f.Type, f.DefaultValue, f.Model, f.Explore,
		f.Dimension, f.Row, f.ListensToFilters, f.AllowMultipleValues, f.Required, f.UIConfig)
	f.ID = id
	return err
}

// DashboardFilter returns one dashboard filter.
func (s *Store) DashboardFilter(ctx context.Context, id int64) (*DashboardFilter, error) {
	f, err := scanFilter(s.queryRow(ctx, `SELECT `+filterColumns+` FROM dashboard_filters WHERE id = ?`, id))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return f, nil
}

// DashboardFilters returns a dashboard's filters by row, then id.
func (s *Store) DashboardFilters(ctx context.Context, dashboardID int64) ([]*DashboardFilter, error) {
	var out []*DashboardFilter
	err := s.eachRow(ctx, `SELECT `+filterColumns+` FROM dashboard_filters WHERE dashboard_id = ? ORDER BY row_num, id`,
		[]any{dashboardID}, func(sc scanner) error {
			f, err := scanFilter(sc)
			out = append(out, f)
			return err
		})
	return out, err
}

// UpdateDashboardFilter stores f's properties (not its dashboard).
func (s *Store) UpdateDashboardFilter(ctx context.Context, f *DashboardFilter) error {
	res, err := s.exec(ctx, `UPDATE dashboard_filters SET name = ?, title = ?, type = ?, default_value = ?, model = ?,
		explore = ?, dimension = ?, row_num = ?, listens_to_filters = ?, allow_multiple_values = ?, required = ?,
		ui_config = ? WHERE id = ?`, f.Name, f.Title, f.Type, f.DefaultValue, f.Model, f.Explore, f.Dimension, f.Row,
		f.ListensToFilters, f.AllowMultipleValues, f.Required, f.UIConfig, f.ID)
	return s.affectedOne(res, err)
}

// DeleteDashboardFilter removes a dashboard filter.
func (s *Store) DeleteDashboardFilter(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM dashboard_filters WHERE id = ?`, id)
	return s.affectedOne(res, err)
}

const layoutColumns = `id, dashboard_id, type, active, column_width, width, label, description, sort_order`

func scanLayout(sc scanner) (*DashboardLayout, error) {
	l := &DashboardLayout{}
	var colWidth, width sql.NullInt64
	err := sc.Scan(&l.ID, &l.DashboardID, &l.Type, &l.Active, &colWidth, &width, &l.Label, &l.Description, &l.Order)
	if colWidth.Valid {
		l.ColumnWidth = &colWidth.Int64
	}
	if width.Valid {
		l.Width = &width.Int64
	}
	return l, err
}

// CreateDashboardLayout inserts l with one component per tile of its
// dashboard. An active layout makes the others inactive.
func (s *Store) CreateDashboardLayout(ctx context.Context, l *DashboardLayout) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return s.createLayout(ctx, tx, l) })
}

func (s *Store) createLayout(ctx context.Context, tx *sql.Tx, l *DashboardLayout) error {
	if l.Active {
		if err := s.deactivateLayouts(ctx, tx, l.DashboardID); err != nil {
			return err
		}
	}
	id, err := s.insert(ctx, tx, `INSERT INTO dashboard_layouts (dashboard_id, type, active, column_width, width, label,
		description, sort_order) VALUES (`+placeholders(8)+`)`, l.DashboardID, l.Type, l.Active, l.ColumnWidth, l.Width,
		l.Label, l.Description, l.Order)
	if err != nil {
		return wrap("create dashboard layout", err)
	}
	elements, err := s.idsTx(ctx, tx, `SELECT id FROM dashboard_elements WHERE dashboard_id = ? ORDER BY id`, l.DashboardID)
	if err != nil {
		return err
	}
	for _, e := range elements {
		if err := s.addComponent(ctx, tx, id, e); err != nil {
			return err
		}
	}
	l.ID = id
	return nil
}

func (s *Store) deactivateLayouts(ctx context.Context, tx *sql.Tx, dashboardID int64) error {
	_, err := tx.ExecContext(ctx, s.q(`UPDATE dashboard_layouts SET active = ? WHERE dashboard_id = ?`), false, dashboardID)
	return wrap("deactivate layouts", err)
}

// DashboardLayout returns one layout.
func (s *Store) DashboardLayout(ctx context.Context, id int64) (*DashboardLayout, error) {
	l, err := scanLayout(s.queryRow(ctx, `SELECT `+layoutColumns+` FROM dashboard_layouts WHERE id = ?`, id))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return l, nil
}

// DashboardLayouts returns a dashboard's layouts, oldest first.
func (s *Store) DashboardLayouts(ctx context.Context, dashboardID int64) ([]*DashboardLayout, error) {
	var out []*DashboardLayout
	err := s.eachRow(ctx, `SELECT `+layoutColumns+` FROM dashboard_layouts WHERE dashboard_id = ? ORDER BY id`,
		[]any{dashboardID}, func(sc scanner) error {
			l, err := scanLayout(sc)
			out = append(out, l)
			return err
		})
	return out, err
}

// UpdateDashboardLayout stores l's properties; made active, it makes the
// dashboard's other layouts inactive.
func (s *Store) UpdateDashboardLayout(ctx context.Context, l *DashboardLayout) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if l.Active {
			if err := s.deactivateLayouts(ctx, tx, l.DashboardID); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, s.q(`UPDATE dashboard_layouts SET type = ?, active = ?, column_width = ?, width = ?,
			label = ?, description = ?, sort_order = ? WHERE id = ?`), l.Type, l.Active, l.ColumnWidth, l.Width, l.Label,
			l.Description, l.Order, l.ID)
		return s.affectedOne(res, err)
	})
}

// DeleteDashboardLayout removes a layout and its components.
func (s *Store) DeleteDashboardLayout(ctx context.Context, id int64) error {
	res, err := s.exec(ctx, `DELETE FROM dashboard_layouts WHERE id = ?`, id)
	return s.affectedOne(res, err)
}

const componentColumns = `id, dashboard_layout_id, dashboard_element_id, row_num, col_num, width, height, deleted`

func scanComponent(sc scanner) (*LayoutComponent, error) {
	c := &LayoutComponent{}
	err := sc.Scan(&c.ID, &c.LayoutID, &c.ElementID, &c.Row, &c.Column, &c.Width, &c.Height, &c.Deleted)
	return c, err
}

// LayoutComponent returns one layout component.
func (s *Store) LayoutComponent(ctx context.Context, id int64) (*LayoutComponent, error) {
	c, err := scanComponent(s.queryRow(ctx, `SELECT `+componentColumns+` FROM dashboard_layout_components WHERE id = ?`, id))
	if err != nil {
		return nil, s.mapErr(err)
	}
	return c, nil
}

// LayoutComponents returns the components of a layout, by tile.
func (s *Store) LayoutComponents(ctx context.Context, layoutID int64) ([]*LayoutComponent, error) {
	var out []*LayoutComponent
	err := s.eachRow(ctx, `SELECT `+componentColumns+` FROM dashboard_layout_components WHERE dashboard_layout_id = ?
		ORDER BY dashboard_element_id, id`, []any{layoutID}, func(sc scanner) error {
		c, err := scanComponent(sc)
		out = append(out, c)
		return err
	})
	return out, err
}

// UpdateLayoutComponent stores where c sits and its size.
func (s *Store) UpdateLayoutComponent(ctx context.Context, c *LayoutComponent) error {
	res, err := s.exec(ctx, `UPDATE dashboard_layout_components SET row_num = ?, col_num = ?, width = ?, height = ?,
		deleted = ? WHERE id = ?`, c.Row, c.Column, c.Width, c.Height, c.Deleted, c.ID)
	return s.affectedOne(res, err)
}
