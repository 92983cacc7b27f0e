package demo

import (
	"errors"
	"math"
	"time"
)

// Options choose what is generated. The zero value is scale 1, seed 0, as
// of today (UTC): fill it in once with Defaults before comparing runs.
type Options struct {
	// Scale multiplies every row count (not the 10 distribution centres).
	Scale float64
	// AsOf is the last day of activity: every timestamp falls on or before
	// it, and it has orders, so relative date filters find rows.
	AsOf time.Time
	Seed uint64
}

// Row counts at scale 1.
var baseCounts = map[string]int{
	"products": 29120, "users": 100000, "orders": 125000, "browse_sessions": 90000, "unsold_inventory": 310000,
}

// MaxScale bounds Scale (scale 1 is about 2 million rows).
const MaxScale = 100

// Defaults fills in a zero Scale and AsOf; now supplies today.
func (o Options) Defaults(now func() time.Time) Options {
	if o.Scale == 0 {
		o.Scale = 1
	}
	if o.AsOf.IsZero() {
		o.AsOf = now()
	}
	y, m, d := o.AsOf.Date()
	o.AsOf = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return o
}

// Validate reports options that cannot be generated.
func (o Options) Validate() error {
	if !(o.Scale > 0 && o.Scale <= MaxScale) || math.IsNaN(o.Scale) {
		return errors.New("demo: scale must be greater than 0 and at most 100")
	}
	if o.AsOf.IsZero() {
		return errors.New("demo: as-of date is required (call Defaults)")
	}
	return nil
}

func (o Options) count(name string) int {
	return max(1, int(math.Round(float64(baseCounts[name])*o.Scale)))
}

// EstimatedRows is the approximate total row count, for progress bars.
func (o Options) EstimatedRows() int64 {
	return int64(10 + o.count("products") + o.count("users") + o.count("orders")*1 +
		int(float64(o.count("orders"))*1.44)*2 + o.count("unsold_inventory") + o.count("orders")*5 + o.count("browse_sessions")*4)
}
