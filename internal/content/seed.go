package content

import (
	"context"
	"encoding/json"

	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/store"
)

// seedFolders are the folders made under Shared on a fresh instance.
var seedFolders = []string{"Sales", "Marketing", "Operations"}

// seedTile is a tile of a seeded dashboard: a count of the demo's explore
// by one dimension.
type seedTile struct {
	title, explore, dimension, measure string
}

// seedDashboard is a dashboard made on a fresh instance. A filter, when
// named, listens on the first tile's dimension.
type seedDashboard struct {
	title, folder, filter string
	tiles                 []seedTile
}

var (
	tileStatus   = seedTile{"Order items by status", "order_items", "order_items.status", "order_items.count"}
	tileRevenue  = seedTile{"Revenue by status", "order_items", "order_items.status", "order_items.total_sale_price"}
	tileBrand    = seedTile{"Products by brand", "products", "products.brand", "products.count"}
	tileCategory = seedTile{"Products by category", "products", "products.category", "products.count"}
	tileDept     = seedTile{"Products by department", "products", "products.department", "products.count"}
	tileState    = seedTile{"Users by state", "users", "users.state", "users.count"}
	tileAge      = seedTile{"Users by age tier", "users", "users.age_tier", "users.count"}
	tileTraffic  = seedTile{"Events by traffic source", "events", "events.traffic_source", "events.count"}
	tileBrowser  = seedTile{"Events by browser", "events", "events.browser", "events.count"}
	tileOrders   = seedTile{"Orders by status", "orders", "orders.status", "orders.count"}
)

var seedDashboards = []seedDashboard{
	{"Sales Overview", "Sales", "Status", []seedTile{tileStatus, tileRevenue}},
	{"Order Fulfilment", "Operations", "", []seedTile{tileOrders}},
	{"Brand Performance", "Sales", "Brand", []seedTile{tileBrand}},
	{"Product Catalog", "Operations", "Category", []seedTile{tileCategory, tileDept}},
	{"Customer Geography", "Marketing", "State", []seedTile{tileState}},
	{"Customer Demographics", "Marketing", "", []seedTile{tileAge, tileState}},
	{"Web Traffic", "Marketing", "Traffic Source", []seedTile{tileTraffic}},
	{"Browser Usage", "Marketing", "", []seedTile{tileBrowser}},
	{"Revenue Summary", "Sales", "", []seedTile{tileRevenue}},
	{"Department Mix", "Operations", "Department", []seedTile{tileDept}},
}

// seedLooks are the looks made on a fresh instance.
var seedLooks = []struct {
	title, folder string
	tile          seedTile
}{
	{"Orders by Status", "Sales", tileOrders},
	{"Products by Brand", "Sales", tileBrand},
}

// Seed fills a fresh instance with demo content over thelook: folders
// under Shared that everyone edits, looks, and dashboards with tiles and
// filters. It does
// nothing when any dashboard exists already.
func Seed(ctx context.Context, st *store.Store) error {
	existing, err := st.Dashboards(ctx, store.ItemFilter{})
	if err != nil || len(existing) > 0 {
		return err
	}
	shared, err := st.RootFolderID(ctx, store.RootShared)
	if err != nil {
		return err
	}
	folders := map[string]int64{}
	for _, name := range seedFolders {
		f := &store.Folder{Name: name, ParentID: shared}
		if err := st.CreateFolder(ctx, f); err != nil {
			return err
		}
		// Like Looker's Shared folder by default, everyone edits the team
		// folders (saving still needs a role that saves content).
		grant := &store.ContentAccess{ContentMetadataID: f.ContentMetadataID, AllUsers: true, PermissionType: store.PermEdit}
		if err := st.CreateContentAccess(ctx, grant); err != nil {
			return err
		}
		folders[name] = f.ID
	}
	for _, l := range seedLooks {
		q, err := seedQuery(ctx, st, l.tile)
		if err != nil {
			return err
		}
		look := &store.Look{QueryID: q, ContentItem: store.ContentItem{Title: l.title, FolderID: folders[l.folder],
			Description: "A count over the demo data"}}
		if err := st.CreateLook(ctx, look); err != nil {
			return err
		}
	}
	for _, sd := range seedDashboards {
		if err := seedOne(ctx, st, sd, folders[sd.folder]); err != nil {
			return err
		}
	}
	return nil
}

func seedOne(ctx context.Context, st *store.Store, sd seedDashboard, folderID int64) error {
	d := &store.Dashboard{Slug: newSlug(), ContentItem: store.ContentItem{Title: sd.title, FolderID: folderID}}
	if err := st.CreateDashboard(ctx, d); err != nil {
		return err
	}
	if sd.filter != "" {
		f := &store.DashboardFilter{DashboardID: d.ID, Name: sd.filter, Title: sd.filter, Type: "field_filter",
			Model: "thelook", Explore: sd.tiles[0].explore, Dimension: sd.tiles[0].dimension, AllowMultipleValues: true,
			ListensToFilters: "[]", UIConfig: `{"type":"tag_list","display":"popover"}`}
		if err := st.CreateDashboardFilter(ctx, f); err != nil {
			return err
		}
	}
	for _, t := range sd.tiles {
		q, err := seedQuery(ctx, st, t)
		if err != nil {
			return err
		}
		rm := ResultMaker{Filterables: []Filterable{{Model: "thelook", View: t.explore, Listen: []Listen{}}}}
		if sd.filter != "" && t.dimension == sd.tiles[0].dimension {
			rm.Filterables[0].Listen = []Listen{{DashboardFilterName: sd.filter, Field: t.dimension}}
		}
		e := &store.DashboardElement{DashboardID: d.ID, Type: "vis", Title: t.title, QueryID: q,
			Texts: jsonText(map[string]string{"title_text": t.title}), ResultMaker: rm.Text()}
		if err := st.CreateDashboardElement(ctx, e); err != nil {
			return err
		}
	}
	return arrangeTiles(ctx, st, d.ID)
}

// arrangeTiles lays a seeded dashboard's tiles out two to a row, each half
// of the 24-column grid (a tile alone on its row takes it whole), instead of
// one under another.
func arrangeTiles(ctx context.Context, st *store.Store, dashboardID int64) error {
	layouts, err := st.DashboardLayouts(ctx, dashboardID)
	if err != nil {
		return err
	}
	for _, l := range layouts {
		comps, err := st.LayoutComponents(ctx, l.ID)
		if err != nil {
			return err
		}
		for i, c := range comps {
			c.Row, c.Column, c.Width, c.Height = int64(i/2)*8, int64(i%2)*12, 12, 8
			if i%2 == 0 && i == len(comps)-1 {
				c.Width = 24 // alone on its row
			}
			if err := st.UpdateLayoutComponent(ctx, c); err != nil {
				return err
			}
		}
	}
	return nil
}

// seedQuery stores the query of a tile: the measure by the dimension,
// largest first.
func seedQuery(ctx context.Context, st *store.Store, t seedTile) (int64, error) {
	q, err := queries.New(st).Create(ctx, queries.Definition{Model: "thelook", View: t.explore,
		Fields: []string{t.dimension, t.measure}, Sorts: []string{t.measure + " desc"}, Limit: "500",
		VisConfig: map[string]any{"type": "looker_column"}}, "", 0)
	if err != nil {
		return 0, err
	}
	return q.ID, nil
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
