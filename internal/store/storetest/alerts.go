package storetest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func init() {
	add("AlertLifecycle", testAlertLifecycle)
	add("AlertFollowersAndSearch", testAlertFollowers)
	add("AlertJobsAreClaimedOnce", testAlertJobsClaimedOnce)
	add("AlertNotifications", testAlertNotifications)
}

func mustAlert(t *testing.T, st *store.Store, ownerID int64) *store.Alert {
	t.Helper()
	a := &store.Alert{OwnerID: ownerID, FieldName: "orders.count", FieldTitle: "Orders", ComparisonType: "GREATER_THAN",
		Threshold: 10.5, Cron: "0 * * * *", Options: `{"custom_title":"many orders"}`}
	if err := st.CreateAlert(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

func testAlertLifecycle(t *testing.T, st *store.Store) {
	ctx := context.Background()
	u := mustUser(t, st, "Alert", "Owner")
	a := mustAlert(t, st, u.ID)
	got, err := st.AlertByID(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.FieldName != "orders.count" || got.Threshold != 10.5 || got.Options != a.Options || got.ConditionState != "{}" {
		t.Fatalf("alert read back as %+v", got)
	}
	got.Threshold, got.Cron, got.IsDisabled = 3, "*/5 * * * *", true
	if err := st.UpdateAlert(ctx, got); err != nil {
		t.Fatal(err)
	}
	if err := st.SetAlertConditionState(ctx, a.ID, `{"previous_value":2}`); err != nil {
		t.Fatal(err)
	}
	again, _ := st.AlertByID(ctx, a.ID)
	if again.Threshold != 3 || again.Cron != "*/5 * * * *" || !again.IsDisabled || again.ConditionState != `{"previous_value":2}` {
		t.Fatalf("updated alert read back as %+v", again)
	}
	if err := st.DeleteAlert(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	_, err = st.AlertByID(ctx, a.ID)
	wantCode(t, err, overlook.ENOTFOUND)
	wantCode(t, st.DeleteAlert(ctx, a.ID), overlook.ENOTFOUND)
	wantCode(t, st.UpdateAlert(ctx, a), overlook.ENOTFOUND)
}

func testAlertFollowers(t *testing.T, st *store.Store) {
	ctx := context.Background()
	owner, fan, other := mustUser(t, st, "Own", "Er"), mustUser(t, st, "Fan", "Of"), mustUser(t, st, "Some", "One")
	a := mustAlert(t, st, owner.ID)
	for range 2 { // following twice is following once
		if err := st.FollowAlert(ctx, a.ID, fan.ID); err != nil {
			t.Fatal(err)
		}
	}
	if ids, _ := st.AlertFollowers(ctx, a.ID); len(ids) != 1 || ids[0] != fan.ID {
		t.Fatalf("followers %v", ids)
	}
	for user, want := range map[int64]int{owner.ID: 1, fan.ID: 1, other.ID: 0} {
		list, total, err := st.Alerts(ctx, store.AlertFilter{VisibleTo: user}, 0, 0)
		if err != nil || total != want || len(list) != want {
			t.Fatalf("user %d sees %d (total %d, %v), want %d", user, len(list), total, err, want)
		}
	}
	if err := st.UnfollowAlert(ctx, a.ID, fan.ID); err != nil {
		t.Fatal(err)
	}
	if _, total, _ := st.Alerts(ctx, store.AlertFilter{VisibleTo: fan.ID}, 0, 0); total != 0 {
		t.Fatalf("unfollowed alert still visible")
	}
	disabled := true
	if _, total, _ := st.Alerts(ctx, store.AlertFilter{Disabled: &disabled}, 0, 0); total != 0 {
		t.Fatalf("disabled filter kept an enabled alert")
	}
}

func testAlertJobsClaimedOnce(t *testing.T, st *store.Store) {
	ctx := context.Background()
	a := mustAlert(t, st, mustUser(t, st, "Alert", "Owner").ID)
	base := a.PlannedUntil.Truncate(time.Minute)
	var fires []time.Time
	for i := 1; i <= 8; i++ {
		fires = append(fires, base.Add(time.Duration(i)*time.Minute))
	}
	until := base.Add(9 * time.Minute)
	n1, err := st.PlanAlertFires(ctx, a.ID, fires, until)
	if err != nil {
		t.Fatal(err)
	}
	if n2, _ := st.PlanAlertFires(ctx, a.ID, fires, until); n1 != 8 || n2 != 0 {
		t.Fatalf("planned %d then %d jobs, want 8 then 0", n1, n2)
	}
	if due, _ := st.AlertsDue(ctx, until); len(due) != 0 {
		t.Fatalf("alert still due after planning: %+v", due)
	}
	var mu sync.Mutex
	claimed := map[int64]string{}
	var wg sync.WaitGroup
	for _, owner := range []string{"node-a", "node-b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				j, err := st.ClaimAlertJob(ctx, owner, base.Add(time.Hour), time.Minute)
				if err != nil || j == nil {
					if err != nil {
						t.Error(err)
					}
					return
				}
				mu.Lock()
				if prev, dup := claimed[j.ID]; dup {
					t.Errorf("alert job %d claimed by %s and %s", j.ID, prev, owner)
				}
				claimed[j.ID] = owner
				mu.Unlock()
				met := j.FireAt.Minute()%2 == 0
				if err := st.FinishAlertJob(ctx, j.ID, owner, store.AlertJobResult{Status: store.JobSuccess, ConditionMet: &met}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if len(claimed) != 8 {
		t.Fatalf("claimed %d alert jobs, want 8", len(claimed))
	}
	jobs, _ := st.JobsOfAlert(ctx, a.ID)
	for _, j := range jobs {
		if j.Status != store.JobSuccess || j.Attempts != 1 || j.ConditionMet == nil || j.FinishedAt == nil {
			t.Fatalf("alert job %+v", j)
		}
	}
}

func testAlertNotifications(t *testing.T, st *store.Store) {
	ctx := context.Background()
	u, other := mustUser(t, st, "Note", "Reader"), mustUser(t, st, "Not", "Me")
	a := mustAlert(t, st, u.ID)
	v := 42.0
	fire := time.UnixMilli(1_800_000_000_000).UTC()
	for range 2 { // a repeated fire is recorded once
		n := &store.AlertNotification{AlertID: a.ID, UserID: u.ID, FireAt: fire, FieldValue: &v, ThresholdValue: 10,
			FieldTitle: "Orders", NotificationType: "email", RanAt: fire}
		if err := st.AddAlertNotification(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	list, total, err := st.AlertNotifications(ctx, u.ID, 10, 0)
	if err != nil || total != 1 || len(list) != 1 || *list[0].FieldValue != 42 || list[0].IsRead {
		t.Fatalf("notifications %+v total %d err %v", list, total, err)
	}
	_, err = st.ReadAlertNotification(ctx, list[0].ID, other.ID)
	wantCode(t, err, overlook.ENOTFOUND)
	read, err := st.ReadAlertNotification(ctx, list[0].ID, u.ID)
	if err != nil || !read.IsRead {
		t.Fatalf("read %+v, %v", read, err)
	}
}
