package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func init() {
	add("DatagroupState", testDatagroupState)
	add("DatagroupCheckIsClaimedOnce", testDatagroupCheckClaimedOnce)
	add("DatagroupPlans", testDatagroupPlans)
}

func testDatagroupState(t *testing.T, st *store.Store) {
	ctx := context.Background()
	d, err := st.EnsureDatagroup(ctx, "thelook", "daily")
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := st.EnsureDatagroup(ctx, "thelook", "daily"); again.ID != d.ID {
		t.Fatalf("second ensure made another row: %d vs %d", again.ID, d.ID)
	}
	if !d.TriggeredAt.IsZero() || !d.StaleBefore.IsZero() || d.CreatedAt.IsZero() {
		t.Fatalf("new datagroup %+v", d)
	}
	at := time.UnixMilli(1_800_000_000_000).UTC()
	if err := st.RecordTriggerCheck(ctx, d.ID, store.TriggerCheck{Value: "v1", Changed: true, At: at}); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordTriggerCheck(ctx, d.ID, store.TriggerCheck{Error: "boom"}); err != nil {
		t.Fatal(err)
	}
	list, err := st.Datagroups(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("datagroups %v, %v", list, err)
	}
	got := list[0]
	if got.TriggerValue != "v1" || got.TriggerError != "boom" || !got.TriggeredAt.Equal(at) || !got.StaleBefore.Equal(at) {
		t.Fatalf("after checks: %+v", got)
	}
	if err := st.SetDatagroupTimes(ctx, d.ID, at.Add(time.Second), time.Time{}); err != nil {
		t.Fatal(err)
	}
	list, _ = st.Datagroups(ctx)
	if !list[0].StaleBefore.Equal(at.Add(time.Second)) || !list[0].TriggeredAt.IsZero() {
		t.Fatalf("after update: %+v", list[0])
	}
	wantCode(t, st.SetDatagroupTimes(ctx, d.ID+100, at, at), overlook.ENOTFOUND)
}

func testDatagroupCheckClaimedOnce(t *testing.T, st *store.Store) {
	ctx := context.Background()
	d, err := st.EnsureDatagroup(ctx, "thelook", "hourly")
	if err != nil {
		t.Fatal(err)
	}
	now := time.UnixMilli(1_800_000_000_000).UTC()
	wins := 0
	for range 3 { // three nodes read the same state and try to claim it
		won, err := st.ClaimDatagroupCheck(ctx, d.ID, d.TriggerCheckAt, now)
		if err != nil {
			t.Fatal(err)
		}
		if won {
			wins++
		}
	}
	if wins != 1 {
		t.Fatalf("%d nodes won the check, want 1", wins)
	}
}

func testDatagroupPlans(t *testing.T, st *store.Store) {
	ctx := context.Background()
	p := mustPlan(t, st)
	p.Crontab, p.Datagroup = "", "thelook::daily"
	if err := st.UpdateScheduledPlan(ctx, p, false); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		model, name string
		want        int
	}{{"thelook", "daily", 1}, {"thelook", "hourly", 0}, {"other", "daily", 0}} {
		plans, err := st.DatagroupPlans(ctx, tc.model, tc.name)
		if err != nil || len(plans) != tc.want {
			t.Fatalf("%s::%s: %d plans (%v), want %d", tc.model, tc.name, len(plans), err, tc.want)
		}
	}
}
