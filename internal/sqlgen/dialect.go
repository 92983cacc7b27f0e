package sqlgen

// Dialect is what the renderer asks of a database. *Spec implements it
// from data; a database that needs code rather than data can wrap a Spec and
// override a method.
type Dialect interface {
	// Name is the dialect's registered name ("postgres", "bigquery", …).
	Name() string
	// QuoteIdent quotes a table, column or CTE name, or fails when the name
	// cannot be an identifier.
	QuoteIdent(name string) (string, error)
	// QuoteAlias quotes a column alias such as Looker's "view.field",
	// rewriting it for dialects whose aliases cannot hold dots.
	QuoteAlias(alias string) (string, error)
	// Placeholder is the text of the n-th bound argument, counted from 1.
	Placeholder(n int) string
	// StringLiteral writes model text as a string literal.
	StringLiteral(s string) (string, error)
	// Spec holds the fragments, templates and capabilities of the dialect.
	Spec() *Spec
}

// Spec is one database's SQL as data. Templates name their operands in
// braces ({x}, {k}, {n}, …); each operand is rendered where it appears, so an
// operand used twice binds its parameters twice, in text order.
type Spec struct {
	DialectName string
	IdentQuote  byte // '"' or '`'
	// AliasNoDots: aliases cannot hold '.', so "view.field" becomes
	// "view_field" (BigQuery).
	AliasNoDots bool
	Params      PlaceholderStyle
	Limit       LimitStyle
	// OffsetOnlyLimit is the LIMIT written when a statement has an OFFSET but
	// no LIMIT, for dialects that reject a bare OFFSET ("-1" in SQLite).
	OffsetOnlyLimit string
	True, False     string
	Strings         StringStyle
	Types           map[Type]string
	// LikeEscape escapes % and _ in LIKE patterns; NoEscapeClause means LIKE
	// has that escape built in and takes no ESCAPE clause (BigQuery: '\').
	LikeEscape     byte
	NoEscapeClause bool
	// ConcatOperator ("||") concatenates where the CONCAT function would
	// skip NULL parts (PostgreSQL, DuckDB, SQLite): Concat is NULL when any
	// part is, on every dialect. Empty: CONCAT, which already is.
	ConcatOperator string
	Caps           Capabilities
	Time           TimeSpec
	Aggs           AggSpec
	// Funcs spells the Builtin functions (see DefaultFuncs); a missing
	// entry is a function the dialect lacks.
	Funcs map[string]string
}

// Capabilities says which optional syntax the database accepts. The
// renderer emulates what it can (NULLS LAST) and refuses the rest.
type Capabilities struct {
	CTE           bool
	NullsOrder    bool // ORDER BY x NULLS FIRST|LAST
	FullOuterJoin bool
	Qualify       bool
	ILike         bool
	TimeZones     bool // named time-zone conversion
}

// TimeSpec holds the date and time templates. Trunc and Extract take {x};
// Format takes {x} and {f} (a string literal built from Codes); ConvertTZ
// takes {x}, {from} and {to}; Add takes {x}, {n} and {unit}.
type TimeSpec struct {
	Trunc     map[Unit]string
	Extract   map[Part]string
	Format    string
	Codes     FormatCodes
	ConvertTZ string
	Add       string
	AddUnits  map[Unit]AddUnit
}

// FormatCodes spells the date-format fields of the dialect's Format
// function ("YYYY", "%Y", …).
type FormatCodes struct {
	Year, Month, Day, Hour, Minute, Second string
}

// AddUnit is how the dialect's Add template names a unit. Factor scales the
// amount for units the dialect lacks (a week is 7 days in SQLite).
type AddUnit struct {
	Name   string
	Factor int
}

// AggSpec holds the aggregate templates a dialect may lack; an empty
// template means "not supported". Median takes {x}; Percentile {x} and {p};
// List {x} and {sep}; SymmetricSum {x} (the measure) and {k} (the key).
type AggSpec struct {
	Median       string
	Percentile   string
	List         string
	SymmetricSum string
}

// PlaceholderStyle is how bound arguments are written.
type PlaceholderStyle int

// Placeholder styles.
const (
	QuestionMark PlaceholderStyle = iota // ?
	DollarNumber                         // $1, $2, …
	AtNamed                              // @p1, @p2, … (argument i is named p<i>)
)

// LimitStyle is where the row limit goes.
type LimitStyle int

// Limit styles.
const (
	LimitOffset LimitStyle = iota // LIMIT n OFFSET m
	OffsetLimit                   // OFFSET m LIMIT n (Trino)
	FetchFirst                    // OFFSET m ROWS FETCH FIRST n ROWS ONLY
	Top                           // SELECT TOP n … (no offset)
)

// StringStyle is how quotes inside string literals are escaped.
type StringStyle int

// String styles.
const (
	DoubledQuotes StringStyle = iota // 'it''s'
	Backslashes                      // 'it\'s', with \ and control characters escaped too
	// DoubledQuotesEscapedBackslashes writes 'it''s' and \\ for \: right
	// where backslash escapes (MySQL's default), and still closed where it
	// does not (NO_BACKSLASH_ESCAPES), where \\ reads as two characters.
	DoubledQuotesEscapedBackslashes
)

// Name implements Dialect.
func (s *Spec) Name() string { return s.DialectName }

// Spec implements Dialect.
func (s *Spec) Spec() *Spec { return s }
