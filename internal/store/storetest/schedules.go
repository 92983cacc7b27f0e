package storetest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/store"
)

func init() {
	add("ScheduledPlanWithDestinations", testScheduledPlan)
	add("FiresArePlannedOnce", testFiresPlannedOnce)
	add("JobsAreClaimedOnce", testJobsClaimedOnce)
	add("ExpiredLeaseIsClaimedAgain", testExpiredLease)
}

func mustPlan(t *testing.T, st *store.Store) *store.ScheduledPlan {
	t.Helper()
	u := mustUser(t, st, "Plan", "Owner")
	p := &store.ScheduledPlan{Name: "daily", UserID: u.ID, Crontab: "0 6 * * *", Timezone: "Europe/Paris", Enabled: true,
		Destinations: []store.ScheduledPlanDestination{
			{Type: "webhook", Format: "json", Address: "https://hooks.example/x", SecretParameters: []byte{1, 2, 3}},
			{Type: "email", Format: "csv", Address: "a@example.com", Message: "hello"},
		}}
	if err := st.CreateScheduledPlan(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return p
}

func testScheduledPlan(t *testing.T, st *store.Store) {
	ctx := context.Background()
	p := mustPlan(t, st)
	got, err := st.ScheduledPlanByID(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Crontab != p.Crontab || got.Timezone != "Europe/Paris" || !got.Enabled || got.Options != "{}" {
		t.Fatalf("plan read back as %+v", got)
	}
	if len(got.Destinations) != 2 || got.Destinations[0].Type != "webhook" || string(got.Destinations[0].SecretParameters) != "\x01\x02\x03" ||
		got.Destinations[1].Message != "hello" {
		t.Fatalf("destinations read back as %+v", got.Destinations)
	}
	if err := st.DeleteScheduledPlan(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ScheduledPlanByID(ctx, p.ID); err == nil {
		t.Fatal("deleted plan still found")
	}
	if err := st.DeleteScheduledPlan(ctx, p.ID); err == nil {
		t.Fatal("second delete succeeded")
	}
}

func testFiresPlannedOnce(t *testing.T, st *store.Store) {
	ctx := context.Background()
	p := mustPlan(t, st)
	base := p.PlannedUntil.Truncate(time.Minute)
	fires := []time.Time{base.Add(time.Minute), base.Add(2 * time.Minute)}
	until := base.Add(3 * time.Minute)
	// Two nodes plan the same fires; each fire gets one job.
	n1, err := st.PlanFires(ctx, p.ID, fires, until)
	if err != nil {
		t.Fatal(err)
	}
	n2, err := st.PlanFires(ctx, p.ID, fires, until)
	if err != nil {
		t.Fatal(err)
	}
	if n1 != 2 || n2 != 0 {
		t.Fatalf("created %d then %d jobs, want 2 then 0", n1, n2)
	}
	due, err := st.CronPlansDue(ctx, until)
	if err != nil {
		t.Fatal(err)
	}
	if len(due) != 0 {
		t.Fatalf("plan still due after planning up to now: %+v", due)
	}
	jobs, _ := st.JobsOfPlan(ctx, p.ID)
	if len(jobs) != 2 || jobs[0].DeliveryID != store.DeliveryID(p.ID, fires[0]) || jobs[0].Status != store.JobPending {
		t.Fatalf("jobs %+v", jobs)
	}
}

func testJobsClaimedOnce(t *testing.T, st *store.Store) {
	ctx := context.Background()
	p := mustPlan(t, st)
	base := p.PlannedUntil.Truncate(time.Minute)
	var fires []time.Time
	for i := 1; i <= 10; i++ {
		fires = append(fires, base.Add(time.Duration(i)*time.Minute))
	}
	if _, err := st.PlanFires(ctx, p.ID, fires, base.Add(11*time.Minute)); err != nil {
		t.Fatal(err)
	}
	now := base.Add(time.Hour)
	var mu sync.Mutex
	claimed := map[int64]string{}
	var wg sync.WaitGroup
	for _, owner := range []string{"node-a", "node-b", "node-c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				j, err := st.ClaimJob(ctx, owner, now, time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if j == nil {
					return
				}
				mu.Lock()
				if prev, dup := claimed[j.ID]; dup {
					t.Errorf("job %d claimed by %s and %s", j.ID, prev, owner)
				}
				claimed[j.ID] = owner
				mu.Unlock()
				if err := st.FinishJob(ctx, j.ID, owner, store.JobSuccess, "", time.Time{}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if len(claimed) != 10 {
		t.Fatalf("claimed %d jobs, want 10", len(claimed))
	}
	jobs, _ := st.JobsOfPlan(ctx, p.ID)
	for _, j := range jobs {
		if j.Status != store.JobSuccess || j.Attempts != 1 || j.FinishedAt == nil {
			t.Fatalf("job %+v", j)
		}
	}
}

func testExpiredLease(t *testing.T, st *store.Store) {
	ctx := context.Background()
	p := mustPlan(t, st)
	fire := p.PlannedUntil.Add(time.Minute)
	if _, err := st.PlanFires(ctx, p.ID, []time.Time{fire}, fire); err != nil {
		t.Fatal(err)
	}
	first, err := st.ClaimJob(ctx, "crashed", fire, time.Minute)
	if err != nil || first == nil {
		t.Fatalf("claim: %v %v", first, err)
	}
	if again, _ := st.ClaimJob(ctx, "other", fire.Add(30*time.Second), time.Minute); again != nil {
		t.Fatal("a leased job was claimed before its lease ran out")
	}
	second, err := st.ClaimJob(ctx, "other", fire.Add(2*time.Minute), time.Minute)
	if err != nil || second == nil {
		t.Fatalf("claim after lease: %v %v", second, err)
	}
	if second.DeliveryID != first.DeliveryID || second.Attempts != 2 {
		t.Fatalf("second attempt %+v, first %+v", second, first)
	}
	// The crashed holder coming back finishes nothing.
	if err := st.FinishJob(ctx, first.ID, "crashed", store.JobFailure, "late", time.Time{}); err != nil {
		t.Fatal(err)
	}
	retryAt := fire.Add(5 * time.Minute)
	if err := st.FinishJob(ctx, second.ID, "other", store.JobPending, "timeout", retryAt); err != nil {
		t.Fatal(err)
	}
	jobs, _ := st.JobsOfPlan(ctx, p.ID)
	if jobs[0].Status != store.JobPending || !jobs[0].NextAttemptAt.Equal(retryAt) || jobs[0].Error != "timeout" {
		t.Fatalf("job after retry: %+v", jobs[0])
	}
	if j, _ := st.ClaimJob(ctx, "other", retryAt.Add(-time.Second), time.Minute); j != nil {
		t.Fatal("claimed before its retry time")
	}
}
