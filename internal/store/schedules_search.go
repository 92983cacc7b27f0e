package store

import (
	"context"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
)

// PlanSearch is a search_scheduled_plans query. Owners scopes every
// search (empty: every user's plans); the other criteria are ANDed, or
// ORed with FilterOr. Text criteria are Looker search patterns.
type PlanSearch struct {
	Owners            []int64
	UserIDs           []int64
	Name              string
	UserFirstName     string
	UserLastName      string
	DashboardIDs      []int64
	LookIDs           []int64
	LookMLDashboardID string
	Recipient         string
	DestinationType   string
	DeliveryFormat    string
	FilterOr          bool
	Sorts             []overlook.Sort
	Limit, Offset     int
}

var planSortColumns = map[string]string{
	"id": "p.id", "name": "p.name", "user_id": "p.user_id", "look_id": "p.look_id", "dashboard_id": "p.dashboard_id",
	"lookml_dashboard_id": "p.lookml_dashboard_id", "crontab": "p.crontab", "enabled": "p.enabled",
	"created_at": "p.created_at", "updated_at": "p.updated_at",
}

// PlanSortable reports whether plans can be sorted by field.
func PlanSortable(field string) bool { _, ok := planSortColumns[field]; return ok }

func planSearchWhere(f PlanSearch) *whereBuilder {
	w := &whereBuilder{}
	w.idIn("p.user_id", f.UserIDs)
	w.like("p.name", f.Name)
	w.like("u.first_name", f.UserFirstName)
	w.like("u.last_name", f.UserLastName)
	w.idIn("p.dashboard_id", f.DashboardIDs)
	w.idIn("p.look_id", f.LookIDs)
	w.like("p.lookml_dashboard_id", f.LookMLDashboardID)
	destination := func(col, pattern string) {
		var d whereBuilder
		if d.like(col, pattern); len(d.conds) > 0 {
			w.add("EXISTS (SELECT 1 FROM scheduled_plan_destinations d WHERE d.scheduled_plan_id = p.id AND "+
				d.conds[0]+")", d.args...)
		}
	}
	destination("d.address", f.Recipient)
	destination("d.type", f.DestinationType)
	destination("d.format", f.DeliveryFormat)
	return w
}

// SearchScheduledPlans finds plans with their destinations, and counts
// every match before paging.
func (s *Store) SearchScheduledPlans(ctx context.Context, f PlanSearch) ([]*ScheduledPlan, int, error) {
	w := planSearchWhere(f)
	where, args := w.sql(f.FilterOr), w.args
	if len(f.Owners) > 0 {
		var owners whereBuilder
		owners.idIn("p.user_id", f.Owners)
		where = andWhere(where, owners.conds[0])
		args = append(args, owners.args...)
	}
	from := ` FROM scheduled_plans p LEFT JOIN users u ON u.id = p.user_id ` + where
	var total int
	if err := s.queryRow(ctx, `SELECT COUNT(*)`+from, args...).Scan(&total); err != nil {
		return nil, 0, wrap("count scheduled plans", err)
	}
	cols := prefixColumns("p.", planColumns)
	q := `SELECT ` + cols + from + ` ORDER BY ` + orderBy(planSortColumns, f.Sorts, "p.id") + limitClause(f.Limit, f.Offset)
	var out []*ScheduledPlan
	err := s.eachRow(ctx, q, args, func(sc scanner) error {
		p, err := scanPlan(sc)
		out = append(out, p)
		return err
	})
	if err != nil {
		return nil, 0, wrap("search scheduled plans", err)
	}
	for _, p := range out {
		if p.Destinations, err = s.planDestinations(ctx, p.ID); err != nil {
			return nil, 0, err
		}
	}
	return out, total, nil
}

// prefixColumns qualifies each column of a comma-separated list.
func prefixColumns(prefix, list string) string {
	cols := strings.Split(list, ",")
	for i, c := range cols {
		cols[i] = prefix + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
}
