package demo

import (
	"context"
	"encoding/hex"
	"math"
	"math/rand/v2"
	"strconv"
	"time"
)

// Sink receives the generated tables, one after another.
type Sink interface {
	Table(name string, columns []Column) (TableWriter, error)
}

// TableWriter receives one table's rows. Write must not keep row: the
// generator reuses it.
type TableWriter interface {
	Write(row []any) error
	Close() error
}

// Progress is told how many rows are written out of an estimated total.
type Progress func(done, total int64)

const day = 24 * 3600

// gen holds the state one generation shares between tables.
type gen struct {
	ctx      context.Context
	r        *rand.Rand
	o        Options
	start    int64 // unix seconds: first moment of activity
	end      int64 // unix seconds: end of AsOf (exclusive)
	sink     Sink
	progress Progress
	done     int64
	total    int64
	products []product
	users    []user
	orders   []order
}

type product struct {
	cost, price float64
	cat         int
	name, brand string
	sku         string
	center      int64
}

type user struct {
	created int64
	gender  byte
	place   int
	source  int
}

type order struct {
	user                                  int
	status                                string
	created, shipped, delivered, returned int64 // 0 when it has not happened
	items                                 []int // product indexes
}

// Generate writes every table of Tables to sink. opts must have passed
// Defaults and Validate.
func Generate(ctx context.Context, sink Sink, opts Options, progress Progress) error {
	if err := opts.Validate(); err != nil {
		return err
	}
	end := opts.AsOf.Unix() + day
	g := &gen{ctx: ctx, o: opts, sink: sink, progress: progress, total: opts.EstimatedRows(),
		r:   rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x7468656c6f6f6b)), // "thelook"
		end: end, start: end - 4*365*day}
	steps := []func() error{g.centers, g.productRows, g.userRows, g.orderRows, g.orderItemRows, g.inventoryRows, g.eventRows}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if progress != nil {
		progress(g.done, g.done)
	}
	return nil
}

// writeTable opens table name, lets body write its rows through a
// function that also counts progress and checks for cancellation, and
// closes it.
func (g *gen) writeTable(name string, body func(write func(row []any) error) error) error {
	var t Table
	for _, tt := range Tables {
		if tt.Name == name {
			t = tt
		}
	}
	w, err := g.sink.Table(name, t.Columns)
	if err != nil {
		return err
	}
	write := func(row []any) error {
		g.done++
		if g.done%16384 == 0 {
			if err := g.ctx.Err(); err != nil {
				return err
			}
			if g.progress != nil {
				g.progress(g.done, max(g.total, g.done))
			}
		}
		return w.Write(row)
	}
	if err := body(write); err != nil {
		return err
	}
	return w.Close()
}

// each writes n rows to table name; fill sets the values of row i.
func (g *gen) each(name string, n, cols int, fill func(i int, row []any)) error {
	return g.writeTable(name, func(write func([]any) error) error {
		row := make([]any, cols)
		for i := range n {
			fill(i, row)
			if err := write(row); err != nil {
				return err
			}
		}
		return nil
	})
}

func (g *gen) between(lo, hi int64) int64 {
	if hi <= lo {
		return lo
	}
	return lo + g.r.Int64N(hi-lo)
}

func ts(sec int64) any {
	if sec == 0 {
		return nil
	}
	return time.Unix(sec, 0).UTC()
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

func (g *gen) hexID(n int) string {
	b := make([]byte, n)
	for i := 0; i < n; i += 8 {
		v := g.r.Uint64()
		for j := 0; j < 8 && i+j < n; j++ {
			b[i+j] = byte(v >> (8 * j))
		}
	}
	return hex.EncodeToString(b)
}

func (g *gen) centers() error {
	return g.each("distribution_centers", len(centers), 4, func(i int, row []any) {
		c := centers[i]
		row[0], row[1], row[2], row[3] = int64(i+1), c.name, c.lat, c.lon
	})
}

func (g *gen) productRows() error {
	g.products = make([]product, g.o.count("products"))
	return g.each("products", len(g.products), 9, func(i int, row []any) {
		ci := g.r.IntN(len(categories))
		c := categories[ci]
		// Prices skew low within the category's range.
		// float64(…) around each product rounds it, so no platform fuses a
		// multiply-add and the same seed gives the same prices everywhere.
		price := round2(c.minPrice + float64((c.maxPrice-c.minPrice)*math.Pow(g.r.Float64(), 2.5)))
		brand := brands[g.r.IntN(len(brands))]
		p := product{price: price, cost: round2(price * (0.3 + float64(0.3*g.r.Float64()))), cat: ci, brand: brand,
			name:   brand + " " + adjectives[g.r.IntN(len(adjectives))] + " " + c.noun,
			sku:    g.hexID(16),
			center: int64(1 + g.r.IntN(len(centers)))}
		g.products[i] = p
		row[0], row[1], row[2], row[3], row[4] = int64(i+1), p.cost, c.name, p.name, p.brand
		row[5], row[6], row[7], row[8] = p.price, c.department, p.sku, p.center
	})
}

func pad5(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 5 {
		s = "0" + s
	}
	return s
}

func (g *gen) userRows() error {
	g.users = make([]user, g.o.count("users"))
	return g.each("users", len(g.users), 17, func(i int, row []any) {
		u := user{created: g.between(g.start, g.end), place: g.r.IntN(len(places)), source: g.r.IntN(len(trafficSources)), gender: 'F'}
		if g.r.IntN(2) == 0 {
			u.gender = 'M'
		}
		g.users[i] = u
		id := strconv.Itoa(i + 1)
		p := places[u.place]
		first := firstNames[u.gender][g.r.IntN(len(firstNames[u.gender]))]
		last := lastNames[g.r.IntN(len(lastNames))]
		zip := pad5(p.zip + g.r.IntN(100))
		lat := math.Round((p.lat+float64(g.r.Float64()*0.2)-0.1)*1e6) / 1e6
		lon := math.Round((p.lon+float64(g.r.Float64()*0.2)-0.1)*1e6) / 1e6
		row[0], row[1], row[2] = int64(i+1), first, last
		row[3] = lowerASCII(first) + "." + lowerASCII(last) + id + "@example.com"
		row[4], row[5], row[6] = int64(12+g.r.IntN(59)), string(u.gender), p.state
		row[7] = strconv.Itoa(1+g.r.IntN(9999)) + " " + streets[g.r.IntN(len(streets))]
		row[8], row[9], row[10], row[11] = zip, zip, p.city, p.country
		row[12], row[13], row[14], row[15] = lat, lon, trafficSources[u.source], ts(u.created)
		row[16] = "POINT(" + strconv.FormatFloat(lon, 'f', -1, 64) + " " + strconv.FormatFloat(lat, 'f', -1, 64) + ")"
	})
}

// lowerASCII lowercases ASCII letters and drops other bytes, for e-mail
// addresses.
func lowerASCII(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 'a' && c <= 'z':
			b = append(b, c)
		}
	}
	return string(b)
}
