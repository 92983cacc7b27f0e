package queries

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/results"
	"github.com/overlookbi/overlook/internal/semantic"
)

// CacheKey names one cached result: a hash of everything that shapes the
// bytes of a run.
type CacheKey string

// KeyInput is what a cached result depends on: the connection, the
// compiled query (SQL, bound arguments, columns), the result format with
// its options, and the caller's user attributes (all of them: a query may
// read any through access filters or Liquid).
type KeyInput struct {
	Connection     string
	Compiled       *compiler.Compiled
	Format         string
	Options        results.Options
	UserAttributes map[string]string
}

// Key hashes in; every part is length-prefixed, so no two inputs collide
// by concatenation.
func (in KeyInput) Key() CacheKey {
	// The parts go to one buffer, hashed once: cheaper than feeding the
	// hash part by part (this runs on every request, cache hits included).
	buf := make([]byte, 0, 4096)
	put := func(parts ...string) {
		for _, p := range parts {
			buf = binary.LittleEndian.AppendUint64(buf, uint64(len(p)))
			buf = append(buf, p...)
		}
	}
	c, o := in.Compiled, in.Options
	put(in.Connection, c.SQL, in.Format, strconv.FormatBool(o.ApplyFormatting), strconv.FormatBool(o.ApplyVis),
		o.QueryID, o.Timezone, o.NullSortTreatment, o.FilterExpression, strconv.Itoa(o.Limit))
	putArgs(put, c.Args)
	putColumns(put, c.Columns)
	putTableCalcs(put, c.TableCalcs)
	putShape(put, c)
	putMap(put, "filters", o.Filters)
	putMap(put, "labels", o.Vis.SeriesLabels)
	put(o.Vis.HiddenFields...)
	putMap(put, "attributes", in.UserAttributes)
	sum := sha256.Sum256(buf)
	return CacheKey(hex.EncodeToString(sum[:]))
}

func putArgs(put func(...string), args []any) {
	put("args", strconv.Itoa(len(args)))
	for _, a := range args {
		put(fmt.Sprintf("%T", a), fmt.Sprintf("%v", a))
	}
}

func putColumns(put func(...string), cols []compiler.Column) {
	put("columns", strconv.Itoa(len(cols)))
	for _, cc := range cols {
		rc := resultColumn(cc)
		put(rc.Name, rc.Label, rc.LabelShort, rc.ViewLabel, rc.Type, rc.ValueFormat, rc.ValueFormatName,
			strconv.FormatBool(cc.Hidden), string(rc.Kind))
	}
}

func putMap(put func(...string), name string, m map[string]string) {
	put(name, strconv.Itoa(len(m)))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		put(k, m[k])
	}
}

// MaxAge is how long m's results may be served from the cache: its
// persist_with datagroup's max_cache_age when set and readable, else def;
// and never from before the datagroup last went stale (see SetStaleBefore).
func MaxAge(m *semantic.Model, def time.Duration) time.Duration {
	i := slices.IndexFunc(m.Datagroups, func(dg *semantic.Datagroup) bool { return dg.Name == m.PersistWith })
	if i < 0 {
		return def
	}
	dg, age := m.Datagroups[i], def
	if d, ok := ParseCacheAge(dg.MaxCacheAge); ok && dg.MaxCacheAge != "" {
		age = d
	}
	if t, ok := staleBefore.Load(dg); ok {
		// An entry stored before t is older than now-t. A t ahead of the
		// clock makes every entry stale.
		age = min(age, time.Since(t.(time.Time)))
	}
	return age
}

// staleBefore holds, per datagroup of a loaded model, the instant before
// which cached results of the models persisting with it are stale. It is
// keyed by the datagroup's pointer, so each loaded catalog (each server of
// a test process) has its own; the datagroup checker and update_datagroup
// set it.
var staleBefore sync.Map // *semantic.Datagroup → time.Time

// SetStaleBefore makes the results cached before t of the models that
// persist with dg stale (a trigger changed, or an admin reset the group).
func SetStaleBefore(dg *semantic.Datagroup, t time.Time) { staleBefore.Store(dg, t) }

var cacheAgeUnits = map[string]time.Duration{"second": time.Second, "minute": time.Minute,
	"hour": time.Hour, "day": 24 * time.Hour}

// ParseCacheAge reads a LookML max_cache_age ("1 hour", "30 minutes",
// "2 days"…).
func ParseCacheAge(s string) (time.Duration, bool) {
	num, unit, ok := strings.Cut(strings.TrimSpace(s), " ")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n < 0 {
		return 0, false
	}
	per, ok := cacheAgeUnits[strings.TrimSuffix(strings.TrimSpace(unit), "s")]
	return time.Duration(n) * per, ok
}
