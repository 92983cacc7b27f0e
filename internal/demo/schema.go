// Package demo generates the thelook e-commerce warehouse that Overlook
// serves out of the box: users, orders, order_items, products,
// inventory_items, distribution_centers and events, with the columns of
// BigQuery's public thelook_ecommerce dataset (plus users.zip).
//
// Generation is deterministic: the same Options give the same rows, row by
// row. It writes through a Sink, so it knows nothing of the database: the
// DuckDB package provides the fast appender sink, LoadSQL loads PostgreSQL
// or MariaDB through database/sql.
package demo

import "strings"

// Type is a column's logical type.
type Type int

// Column types.
const (
	Int Type = iota
	Float
	Text
	Timestamp // UTC, whole seconds
)

// Column is one column of a generated table.
type Column struct {
	Name string
	Type Type
}

// Table describes a generated table; its first column is the primary key.
type Table struct {
	Name    string
	Columns []Column
}

func cols(spec string) []Column {
	var out []Column
	for _, f := range strings.Fields(spec) {
		name, t, _ := strings.Cut(f, ":")
		out = append(out, Column{Name: name, Type: map[string]Type{"i": Int, "f": Float, "s": Text, "t": Timestamp}[t]})
	}
	return out
}

// Tables lists the generated tables in the order they are written.
var Tables = []Table{
	{"distribution_centers", cols("id:i name:s latitude:f longitude:f")},
	{"products", cols("id:i cost:f category:s name:s brand:s retail_price:f department:s sku:s distribution_center_id:i")},
	{"users", cols("id:i first_name:s last_name:s email:s age:i gender:s state:s street_address:s postal_code:s zip:s " +
		"city:s country:s latitude:f longitude:f traffic_source:s created_at:t user_geom:s")},
	{"orders", cols("order_id:i user_id:i status:s gender:s created_at:t returned_at:t shipped_at:t delivered_at:t num_of_item:i")},
	{"order_items", cols("id:i order_id:i user_id:i product_id:i inventory_item_id:i status:s created_at:t shipped_at:t " +
		"delivered_at:t returned_at:t sale_price:f")},
	{"inventory_items", cols("id:i product_id:i created_at:t sold_at:t cost:f product_category:s product_name:s product_brand:s " +
		"product_retail_price:f product_department:s product_sku:s product_distribution_center_id:i")},
	{"events", cols("id:i user_id:i sequence_number:i session_id:s created_at:t ip_address:s city:s state:s postal_code:s " +
		"browser:s traffic_source:s uri:s event_type:s")},
}

// columnTypes per dialect, as data.
var columnTypes = map[string]map[Type]string{
	"duckdb":   {Int: "BIGINT", Float: "DOUBLE", Text: "VARCHAR", Timestamp: "TIMESTAMP"},
	"postgres": {Int: "BIGINT", Float: "DOUBLE PRECISION", Text: "VARCHAR(255)", Timestamp: "TIMESTAMP"},
	"mysql":    {Int: "BIGINT", Float: "DOUBLE", Text: "VARCHAR(255)", Timestamp: "DATETIME"},
}

// tableSuffix per dialect: MariaDB tables compare text byte for byte, as
// DuckDB and PostgreSQL do.
var tableSuffix = map[string]string{"mysql": " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"}

// CreateTableSQL is the CREATE TABLE statement for t in dialect; every name
// in it comes from Tables. primaryKey adds the key constraint (DuckDB's
// appender loads faster without one).
func CreateTableSQL(dialect string, t Table, primaryKey bool) string {
	types := columnTypes[dialect]
	var b strings.Builder
	b.WriteString("CREATE TABLE " + t.Name + " (")
	for i, c := range t.Columns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.Name + " " + types[c.Type])
	}
	if primaryKey {
		b.WriteString(", PRIMARY KEY (" + t.Columns[0].Name + ")")
	}
	b.WriteString(")" + tableSuffix[dialect])
	return b.String()
}
