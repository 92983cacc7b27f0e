package alerts_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/alerts"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/scheduler"
	"github.com/overlookbi/overlook/internal/store"
	"github.com/overlookbi/overlook/internal/store/storetest"
)

// fixedSource answers every alert with one row: orders.count = 7.
type fixedSource struct{}

func (fixedSource) Run(context.Context, *store.Alert) (*alerts.Table, error) {
	return &alerts.Table{Rows: []map[string]any{{"orders.count": 7.0}}}, nil
}

// recorder counts messages by delivery id.
type recorder struct {
	mu  sync.Mutex
	got map[string]int
}

func (r *recorder) Send(_ context.Context, m scheduler.Message) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got[m.DeliveryID+" "+m.Dest.Address]++
	return nil
}

// Two nodes running passes at once on one database evaluate and send
// each fire of each alert exactly once.
func TestTwoNodesSendEachFireOnce(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		st, err := store.Open(context.Background(), "", t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		twoNodes(t, st)
	})
	t.Run("postgres", func(t *testing.T) {
		st, err := store.Open(context.Background(), storetest.PostgresDatabase(t, storetest.PostgresAdmin(t)), t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		twoNodes(t, st)
	})
}

func twoNodes(t *testing.T, st *store.Store) {
	ctx := context.Background()
	if err := st.EnsureRootFolders(ctx); err != nil {
		t.Fatal(err)
	}
	u := &overlook.User{FirstName: "Alert", LastName: "Owner"}
	if err := st.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2030, 1, 1, 0, 0, 30, 0, time.UTC)
	st.SetClock(func() time.Time { return start })
	dest := alerts.Options{Destinations: []alerts.Destination{{Type: alerts.DestEmail, EmailAddress: "ops@example.com"}}}
	for _, threshold := range []float64{5, 50} { // 7 > 5 holds; 7 > 50 does not
		a := &store.Alert{OwnerID: u.ID, FieldName: "orders.count", ComparisonType: alerts.GreaterThan,
			Threshold: threshold, Cron: "* * * * *", Options: dest.Text()}
		if err := st.CreateAlert(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	rec := &recorder{got: map[string]int{}}
	senders := map[string]scheduler.Sender{scheduler.DestEmail: rec}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	nodes := []*alerts.Runner{alerts.NewRunner(st, fixedSource{}, senders, log), alerts.NewRunner(st, fixedSource{}, senders, log)}
	const fires = 20
	var wg sync.WaitGroup
	for _, n := range nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 1; i <= fires; i++ {
				if err := n.Pass(ctx, start.Add(time.Duration(i)*time.Minute)); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if len(rec.got) != fires {
		t.Fatalf("%d distinct deliveries, want %d (one per fire of the alert whose condition holds)", len(rec.got), fires)
	}
	for id, n := range rec.got {
		if n != 1 {
			t.Errorf("%s sent %d times", id, n)
		}
	}
}
