// Package datagroups checks the triggers of LookML datagroups. A
// sql_trigger runs on its model's connection every interval_trigger (or
// DefaultCheckInterval); an interval_trigger alone triggers at each
// interval boundary. A changed value triggers the datagroup: results
// cached before it are stale for the models that persist with it, and the
// scheduled plans that name it are queued. State lives in the metadata
// database, so every node sees one trigger once.
package datagroups

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/overlookbi/overlook/internal/queries"
	"github.com/overlookbi/overlook/internal/scheduler"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/internal/warehouse"
)

// DefaultCheckInterval is how often a sql_trigger runs when its datagroup
// sets no interval_trigger.
const DefaultCheckInterval = 5 * time.Minute

// Engines opens the connections trigger SQL runs on.
type Engines interface {
	Engine(ctx context.Context, name string) (warehouse.Engine, error)
}

// Checker checks every datagroup of the served models once per pass.
type Checker struct {
	store   *store.Store
	models  func() []*semantic.Model
	engines Engines
	log     *slog.Logger

	mu sync.Mutex
	// planned is the trigger time whose plans this node queued, per
	// datagroup row, so a pass writes only when a trigger is new.
	planned map[int64]time.Time
}

// NewChecker checks the datagroups of models() on engines.
func NewChecker(st *store.Store, models func() []*semantic.Model, engines Engines, log *slog.Logger) *Checker {
	return &Checker{store: st, models: models, engines: engines, log: log, planned: map[int64]time.Time{}}
}

// Key names a datagroup as the API does: "model::name".
func Key(model, name string) string { return model + "::" + name }

// Pass checks the triggers that are due at now, then publishes every
// datagroup's staleness to the results cache and queues the plans of new
// triggers.
func (c *Checker) Pass(ctx context.Context, now time.Time) error {
	rows, err := c.rows(ctx)
	if err != nil {
		return err
	}
	for _, m := range c.models() {
		for _, dg := range m.Datagroups {
			row := rows[Key(m.Name, dg.Name)]
			if row == nil {
				if row, err = c.store.EnsureDatagroup(ctx, m.Name, dg.Name); err != nil {
					return err
				}
			}
			if err := c.check(ctx, m, dg, row, now); err != nil {
				c.log.Warn("datagroup trigger check", "datagroup", Key(m.Name, dg.Name), "err", err)
			}
			Publish(dg, row)
			if err := c.planFires(ctx, m, row); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *Checker) rows(ctx context.Context) (map[string]*store.Datagroup, error) {
	list, err := c.store.Datagroups(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*store.Datagroup, len(list))
	for _, d := range list {
		out[Key(d.ModelName, d.Name)] = d
	}
	return out, nil
}

// Publish tells the results cache when dg last went stale.
func Publish(dg *semantic.Datagroup, row *store.Datagroup) {
	t := row.StaleBefore
	if row.TriggeredAt.After(t) {
		t = row.TriggeredAt
	}
	if !t.IsZero() {
		queries.SetStaleBefore(dg, t)
	}
}

// check runs dg's trigger if it is due, claiming the check first so one
// node runs it, and records the outcome in row.
func (c *Checker) check(ctx context.Context, m *semantic.Model, dg *semantic.Datagroup, row *store.Datagroup, now time.Time) error {
	interval, _ := queries.ParseCacheAge(dg.IntervalTrigger)
	var value string
	var runErr error
	switch {
	case !dg.SQLTrigger.IsZero():
		every := DefaultCheckInterval
		if interval > 0 {
			every = interval
		}
		if !row.TriggerCheckAt.IsZero() && now.Before(row.TriggerCheckAt.Add(every)) {
			return nil
		}
		if won, err := c.store.ClaimDatagroupCheck(ctx, row.ID, row.TriggerCheckAt, now); err != nil || !won {
			return err
		}
		value, runErr = c.runTrigger(ctx, m, dg.SQLTrigger.Text)
	case interval > 0:
		value = now.Truncate(interval).UTC().Format(time.RFC3339)
		if value == row.TriggerValue {
			return nil
		}
		if won, err := c.store.ClaimDatagroupCheck(ctx, row.ID, row.TriggerCheckAt, now); err != nil || !won {
			return err
		}
	default:
		return nil
	}
	res := store.TriggerCheck{Value: value, At: now}
	if runErr != nil {
		res.Error = runErr.Error()
	} else {
		// The first value seen is where the group starts, not a change.
		res.Changed = value != row.TriggerValue && !(row.TriggerValue == "" && row.TriggerCheckAt.IsZero())
	}
	if err := c.store.RecordTriggerCheck(ctx, row.ID, res); err != nil {
		return err
	}
	row.TriggerCheckAt, row.TriggerError = now, res.Error
	if runErr == nil {
		row.TriggerValue = value
	}
	if res.Changed {
		row.TriggeredAt, row.StaleBefore = now, now
	}
	return runErr
}

// runTrigger runs the trigger SQL on the model's connection and returns
// the first column of its first row as text.
func (c *Checker) runTrigger(ctx context.Context, m *semantic.Model, query string) (string, error) {
	eng, err := c.engines.Engine(ctx, m.Connection)
	if err != nil {
		return "", fmt.Errorf("connection %s: %w", m.Connection, err)
	}
	rows, err := eng.Query(ctx, strings.TrimSpace(query))
	if err != nil {
		return "", fmt.Errorf("sql_trigger: %w", err)
	}
	defer rows.Close()
	var v sql.NullString
	if rows.Next() {
		var cell any
		if err := rows.Scan(&cell); err != nil {
			return "", fmt.Errorf("sql_trigger: %w", err)
		}
		switch x := cell.(type) {
		case nil:
		case []byte:
			v = sql.NullString{String: string(x), Valid: true}
		case time.Time:
			v = sql.NullString{String: x.UTC().Format(time.RFC3339Nano), Valid: true}
		default:
			v = sql.NullString{String: fmt.Sprint(x), Valid: true}
		}
	}
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("sql_trigger: %w", err)
	}
	return v.String, nil
}

// planFires queues the datagroup's plans for its latest trigger, once per
// trigger on this node (and once across nodes: the jobs are unique).
func (c *Checker) planFires(ctx context.Context, m *semantic.Model, row *store.Datagroup) error {
	c.mu.Lock()
	done := c.planned[row.ID].Equal(row.TriggeredAt)
	c.mu.Unlock()
	if row.TriggeredAt.IsZero() || done {
		return nil
	}
	if _, err := scheduler.PlanDatagroupFires(ctx, c.store, m.Name, row.Name, row.TriggeredAt); err != nil {
		return err
	}
	c.mu.Lock()
	c.planned[row.ID] = row.TriggeredAt
	c.mu.Unlock()
	return nil
}
