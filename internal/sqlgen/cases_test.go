package sqlgen_test

import (
	"time"

	"github.com/overlookbi/overlook/internal/filterexpr"
	. "github.com/overlookbi/overlook/internal/sqlgen"
)

// A testCase builds one statement for a dialect (a LIKE pattern depends on
// the dialect's escape character, so cases are functions).
type testCase struct {
	name  string
	build func(d Dialect) *Select
}

func col(table, name string) Col { return Col{Table: table, Name: name} }

func table(name string) Table { return Table{Parts: []string{name}, Alias: name} }

var (
	ordersStatus  = col("orders", "status")
	ordersAmount  = col("orders", "amount")
	ordersCreated = col("orders", "created_at")
	ordersID      = col("orders", "id")
	usersCity     = col("users", "city")
	itemsPrice    = col("order_items", "sale_price")
)

// joinUsers and joinItems are the joins of the orders explore.
var (
	joinUsers = Join{Type: LeftJoin, Table: table("users"),
		On: Binary{Op: OpEq, L: col("orders", "user_id"), R: col("users", "id")}}
	joinItems = Join{Type: LeftJoin, Table: table("order_items"),
		On: Binary{Op: OpEq, L: col("order_items", "order_id"), R: ordersID}}
)

// timeframeOrder is the column order of the timeframes case.
var timeframeOrder = []Timeframe{"raw", "time", "second", "minute", "minute2", "minute5", "minute15",
	"minute30", "hour", "hour2", "hour6", "hour12", "date", "week", "month", "quarter", "year",
	"time_of_day", "hour_of_day", "day_of_week", "day_of_week_index", "day_of_month", "day_of_year",
	"week_of_year", "month_num", "month_name", "quarter_of_year"}

// fixedNow is the clock the date filters resolve against.
var fixedNow = time.Date(2024, 6, 15, 12, 0, 0, 0, time.UTC)

func mustParse(kind filterexpr.Kind, expr string) filterexpr.Predicate {
	p, err := filterexpr.Parse(kind, expr, filterexpr.NewDateContext(fixedNow, time.UTC))
	if err != nil {
		panic(err)
	}
	return p
}

// cases are the golden statements, rendered for every dialect.
var cases = []testCase{
	{"simple_group_order_limit", func(Dialect) *Select {
		return &Select{
			Columns: []Column{{ordersStatus, "orders.status"}, {Agg{Func: Count}, "orders.count"}},
			From:    table("orders"),
			GroupBy: []Expr{Ordinal{1}},
			OrderBy: []Order{{Expr: Ordinal{2}, Desc: true}, {Expr: Ordinal{1}}},
			Limit:   500,
		}
	}},
	{"joins", func(Dialect) *Select {
		return &Select{
			Columns: []Column{{usersCity, "users.city"},
				{Agg{Func: Count, X: col("order_items", "id")}, "order_items.count"},
				{Func{Name: "COALESCE", Args: []Expr{Agg{Func: Sum, X: itemsPrice}, Literal{0}}}, "order_items.total_sale_price"}},
			From:    table("order_items"),
			Joins:   []Join{{Type: InnerJoin, Table: table("orders"), On: Binary{Op: OpEq, L: col("order_items", "order_id"), R: ordersID}}, joinUsers},
			GroupBy: []Expr{Ordinal{1}},
			OrderBy: []Order{{Expr: Ordinal{1}, Nulls: NullsLast}},
		}
	}},
	{"timeframes", func(Dialect) *Select {
		s := &Select{From: table("orders"), Where: Binary{Op: OpEq, L: ordersID, R: Param{2}}}
		for _, tf := range timeframeOrder {
			s.Columns = append(s.Columns, Column{TimeframeExpr{Frame: tf, X: ordersCreated}, "orders.created_" + string(tf)})
		}
		return s
	}},
	{"timeframe_group_by_truncation", func(Dialect) *Select {
		return &Select{
			Columns: []Column{{TimeframeExpr{Frame: "month", X: ordersCreated}, "orders.created_month"},
				{TimeframeExpr{Frame: "quarter", X: ordersCreated}, "orders.created_quarter"},
				{Agg{Func: Count}, "orders.count"}},
			From: table("orders"),
			GroupBy: []Expr{TimeframeExpr{Frame: "month", X: ordersCreated, Group: true},
				TimeframeExpr{Frame: "quarter", X: ordersCreated, Group: true}},
			OrderBy: []Order{{Expr: Ordinal{1}, Desc: true}},
		}
	}},
	{"timezone_and_date_add", func(Dialect) *Select {
		local := ConvertTZ{X: ordersCreated, From: "UTC", To: "America/New_York"}
		return &Select{
			Columns: []Column{{TimeframeExpr{Frame: "time", X: local}, "orders.created_time"},
				{TimeframeExpr{Frame: "date", X: DateAdd{Unit: Day, N: Param{-3}, X: ordersCreated}}, "orders.created_minus_3_days"},
				{TimeframeExpr{Frame: "month", X: DateAdd{Unit: Quarter, N: Literal{1}, X: ordersCreated}}, "orders.created_next_quarter"}},
			From:  table("orders"),
			Where: Binary{Op: OpEq, L: ordersID, R: Param{1}},
		}
	}},
	{"symmetric_fanout", func(Dialect) *Select {
		return &Select{
			Columns: []Column{{usersCity, "users.city"},
				{Symmetric{Func: Sum, X: ordersAmount, Key: ordersID}, "orders.total_amount"},
				{Symmetric{Func: Avg, X: ordersAmount, Key: ordersID}, "orders.average_amount"},
				{Symmetric{Func: Count, Key: ordersID}, "orders.count"},
				{Agg{Func: CountDistinct, X: col("order_items", "id")}, "order_items.count"},
				{Agg{Func: Sum, X: itemsPrice}, "order_items.total_sale_price"}},
			From:    table("orders"),
			Joins:   []Join{joinItems, joinUsers},
			GroupBy: []Expr{Ordinal{1}},
			OrderBy: []Order{{Expr: Ordinal{1}, Nulls: NullsLast}},
		}
	}},
	{"having_on_measure", func(Dialect) *Select {
		sum := Func{Name: "COALESCE", Args: []Expr{Agg{Func: Sum, X: ordersAmount}, Literal{0}}}
		return &Select{
			Columns: []Column{{ordersStatus, "orders.status"}, {sum, "orders.total_amount"}},
			From:    table("orders"),
			Where:   Filter{X: ordersStatus, Pred: mustParse(filterexpr.KindString, "-cancelled")},
			GroupBy: []Expr{Ordinal{1}},
			Having:  Binary{Op: OpGt, L: sum, R: Param{60}},
			OrderBy: []Order{{Expr: Ordinal{2}, Desc: true}},
			Limit:   500,
		}
	}},
	{"filter_like_and_dates", func(d Dialect) *Select {
		return &Select{
			Columns: []Column{{ordersID, "orders.id"}, {ordersStatus, "orders.status"}},
			From:    table("orders"),
			Joins:   []Join{joinUsers},
			Where: And{
				Filter{X: ordersStatus, Pred: mustParse(filterexpr.KindString, "COMP%,pen_ing,100^%"), Fold: true},
				Filter{X: ordersCreated, Pred: mustParse(filterexpr.KindDate, "2024-01-01 to 2024-06-01")},
				Filter{X: ordersAmount, Pred: mustParse(filterexpr.KindNumber, "[20,200]")},
				Or{Like{X: usersCity, Pattern: Param{"%" + EscapeLike(d, "a_b%!") + "%"}, Not: true}, IsNull{X: usersCity}},
			},
			OrderBy: []Order{{Expr: Ordinal{1}}},
		}
	}},
	{"cte", func(Dialect) *Select {
		big := &Select{
			Columns: []Column{{ordersID, "id"}, {col("orders", "user_id"), "user_id"}, {ordersAmount, "amount"}},
			From:    table("orders"),
			Where:   Binary{Op: OpGe, L: ordersAmount, R: Param{20}},
		}
		return &Select{
			With:    []CTE{{Name: "big_orders", Select: big}},
			Columns: []Column{{usersCity, "users.city"}, {Agg{Func: Count}, "big_orders.count"}},
			From:    table("big_orders"),
			Joins: []Join{{Type: LeftJoin, Table: table("users"),
				On: Binary{Op: OpEq, L: col("big_orders", "user_id"), R: col("users", "id")}}},
			GroupBy: []Expr{Ordinal{1}},
			OrderBy: []Order{{Expr: Ordinal{2}, Desc: true}, {Expr: Ordinal{1}, Nulls: NullsFirst}},
		}
	}},
	{"pivot_case_columns", func(Dialect) *Select {
		s := &Select{
			Columns: []Column{{usersCity, "users.city"}},
			From:    table("orders"),
			Joins:   []Join{joinUsers},
			GroupBy: []Expr{Ordinal{1}},
			OrderBy: []Order{{Expr: Ordinal{1}, Nulls: NullsLast}},
		}
		for _, status := range []string{"complete", "pending"} {
			amount := Case{Whens: []When{{Cond: Binary{Op: OpEq, L: ordersStatus, R: Param{status}}, Then: ordersAmount}}}
			s.Columns = append(s.Columns, Column{Func{Name: "COALESCE", Args: []Expr{Agg{Func: Sum, X: amount}, Literal{0}}},
				"orders.total_amount|FIELD|" + status})
		}
		return s
	}},
	{"totals_second_query", func(Dialect) *Select {
		return &Select{
			Columns: []Column{{Symmetric{Func: Sum, X: ordersAmount, Key: ordersID}, "orders.total_amount"},
				{Agg{Func: Count, X: col("order_items", "id")}, "order_items.count"}},
			From:  table("orders"),
			Joins: []Join{joinItems},
			Where: Filter{X: ordersStatus, Pred: mustParse(filterexpr.KindString, "-cancelled")},
		}
	}},
	{"nulls_last_sorts", func(Dialect) *Select {
		return &Select{
			Columns: []Column{{usersCity, "users.city"}, {Agg{Func: Max, X: ordersAmount}, "orders.max_amount"}},
			From:    table("orders"),
			Joins:   []Join{joinUsers},
			GroupBy: []Expr{Ordinal{1}},
			OrderBy: []Order{{Expr: Ordinal{1}, Desc: true, Nulls: NullsLast}, {Expr: Ordinal{2}, Nulls: NullsFirst}},
		}
	}},
	{"median_percentile_list", func(Dialect) *Select {
		return &Select{
			Columns: []Column{{Agg{Func: Median, X: ordersAmount}, "orders.median_amount"},
				{Agg{Func: Percentile, X: ordersAmount, Fraction: 0.9}, "orders.amount_p90"},
				{Agg{Func: List, X: ordersStatus}, "orders.status_list"}},
			From: table("orders"),
		}
	}},
	{"list_and_window", func(Dialect) *Select {
		return &Select{
			Columns: []Column{{usersCity, "users.city"},
				{Agg{Func: List, X: ordersStatus, Separator: "|RECORD|"}, "orders.status_list"},
				{Window{Func: Func{Name: "RANK"}, OrderBy: []Order{{Expr: Agg{Func: Count}, Desc: true}}}, "rank"},
				{Window{Func: Agg{Func: Sum, X: Agg{Func: Count}}, OrderBy: []Order{{Expr: usersCity}},
					Frame: "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"}, "running_count"}},
			From:    table("orders"),
			Joins:   []Join{joinUsers},
			Where:   IsNull{X: usersCity, Not: true},
			GroupBy: []Expr{Ordinal{1}},
			OrderBy: []Order{{Expr: Ordinal{1}}},
		}
	}},
	{"qualify_full_join_offset", func(Dialect) *Select {
		return &Select{
			Columns: []Column{{ordersID, "orders.id"}, {usersCity, "users.city"}},
			From:    table("orders"),
			Joins:   []Join{{Type: FullJoin, Table: table("users"), On: Binary{Op: OpEq, L: col("orders", "user_id"), R: col("users", "id")}}},
			Qualify: Binary{Op: OpEq, L: Window{Func: Func{Name: "ROW_NUMBER"}, PartitionBy: []Expr{usersCity}, OrderBy: []Order{{Expr: ordersID}}}, R: Literal{1}},
			OrderBy: []Order{{Expr: Ordinal{1}}},
			Limit:   10,
			Offset:  20,
		}
	}},
	{"literals_and_casts", func(Dialect) *Select {
		return &Select{
			Columns: []Column{{Literal{`it's a \ "test"`}, "label"}, {Literal{true}, "yes"}, {Literal{nil}, "nothing"},
				{Cast{X: ordersID, Type: TypeString}, "id_text"}, {Cast{X: Literal{"7"}, Type: TypeInt}, "seven"},
				{Binary{Op: OpMod, L: ordersID, R: Literal{2}}, "odd"}, {Neg{X: Literal{2.5}}, "minus"},
				{Case{Operand: ordersStatus, Whens: []When{{Cond: Literal{"complete"}, Then: Literal{"Yes"}}}, Else: Literal{"No"}}, "orders.is_complete"}},
			From:    RawTable{SQL: "orders", Alias: "orders"},
			Where:   And{In{X: ordersStatus, List: []Expr{Param{"complete"}, Param{"pending"}}}, Between{X: ordersAmount, Low: Param{1}, High: Param{1000}}},
			OrderBy: []Order{{Expr: ordersID}},
			Offset:  1,
		}
	}},
}
