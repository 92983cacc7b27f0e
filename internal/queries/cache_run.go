package queries

import (
	"context"
	"io"
	"time"

	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/results"
	"github.com/overlookbi/overlook/internal/warehouse"
)

// CachePolicy is how one run uses the cache.
type CachePolicy struct {
	Key    CacheKey
	MaxAge time.Duration
	// Bypass (cache=false) runs the query even when a fresh entry exists;
	// its result still refreshes the entry.
	Bypass bool
	// Only (cache_only=true) answers from any entry however old, and
	// never runs the query: a miss is a 404.
	Only bool
	// Hold, when set, is called before the query goes to the database and
	// waits for a running-query slot of the caller (see TaskRunner.Hold).
	Hold func(ctx context.Context) (release func(), err error)
}

// Run answers c from the cache when pol allows, else runs it (see Run)
// and keeps its bytes when the run completes and they fit. hit reports a
// cached answer. The sql format never touches the cache.
func (ca *Cache) Run(ctx context.Context, eng warehouse.Engine, c *compiler.Compiled, f results.Format, w io.Writer,
	opt results.Options, pol CachePolicy) (rows int, hit bool, err error) {
	if !f.RunsQuery {
		rows, err = Run(ctx, eng, c, f, w, opt)
		return rows, false, err
	}
	if ca == nil {
		rows, err = heldRun(ctx, eng, c, f, w, opt, pol.Hold)
		return rows, false, err
	}
	if !pol.Bypass || pol.Only {
		if res, ok := ca.Get(pol.Key, pol.MaxAge, pol.Only); ok {
			_, err = w.Write(res.Body)
			return res.Rows, true, err
		}
	}
	if pol.Only {
		return 0, false, overlook.Errorf(overlook.ENOTFOUND, "no cached result for this query (cache_only is set)")
	}
	tee := &capture{w: w, limit: ca.EntryBytes}
	rows, err = heldRun(ctx, eng, c, f, tee, opt, pol.Hold)
	if err == nil && !tee.over {
		ca.Put(pol.Key, tee.buf, rows)
	}
	return rows, false, err
}

// heldRun is Run inside a running-query slot taken with hold (when set).
func heldRun(ctx context.Context, eng warehouse.Engine, c *compiler.Compiled, f results.Format, w io.Writer,
	opt results.Options, hold func(context.Context) (func(), error)) (int, error) {
	if hold != nil {
		release, err := hold(ctx)
		if err != nil {
			return 0, err
		}
		defer release()
	}
	return Run(ctx, eng, c, f, w, opt)
}

// capture passes writes through and keeps a copy until it passes limit.
type capture struct {
	w     io.Writer
	buf   []byte
	limit int
	over  bool
}

func (c *capture) Write(p []byte) (int, error) {
	if !c.over {
		if len(c.buf)+len(p) > c.limit {
			c.over, c.buf = true, nil
		} else {
			c.buf = append(c.buf, p...)
		}
	}
	return c.w.Write(p)
}

// Flush forwards to the destination's Flush, when it has one.
func (c *capture) Flush() {
	if f, ok := c.w.(interface{ Flush() }); ok {
		f.Flush()
	}
}
