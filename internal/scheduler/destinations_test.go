package scheduler_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/overlookbi/overlook/internal/outbound"
	"github.com/overlookbi/overlook/internal/scheduler"
	"github.com/overlookbi/overlook/internal/scheduler/schedulertest"
	"github.com/overlookbi/overlook/internal/store"
)

// csvRenderer renders every plan as the same small csv.
type csvRenderer struct{}

func (csvRenderer) Render(context.Context, *store.ScheduledPlan, store.ScheduledPlanDestination) (*scheduler.Attachment, error) {
	return &scheduler.Attachment{Filename: "orders.csv", ContentType: "text/csv", Body: []byte("Brand,Count\nAcme,3\n")}, nil
}

// hookSink is a webhook receiver that checks signatures and keeps the
// delivery ids it saw.
type hookSink struct {
	key []byte
	mu  sync.Mutex
	ids []string
	bad int
}

func (h *hookSink) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	h.mu.Lock()
	defer h.mu.Unlock()
	var payload struct {
		DeliveryID string `json:"delivery_id"`
		Attachment struct {
			Data     string `json:"data"`
			Encoding string `json:"encoding"`
		} `json:"attachment"`
	}
	if r.Header.Get(scheduler.HeaderSignature) != scheduler.Sign(h.key, body) || json.Unmarshal(body, &payload) != nil ||
		payload.DeliveryID != r.Header.Get(scheduler.HeaderDelivery) || payload.Attachment.Encoding != "utf8" ||
		!strings.HasPrefix(payload.Attachment.Data, "Brand,Count") {
		h.bad++
		http.Error(w, "bad delivery", http.StatusBadRequest)
		return
	}
	h.ids = append(h.ids, payload.DeliveryID)
}

func TestWebhookAndEmailDeliveries(t *testing.T) {
	key := []byte("s3cret")
	sink := &hookSink{key: key}
	hooks := httptest.NewServer(sink)
	t.Cleanup(hooks.Close)
	smtpSrv := schedulertest.StartSMTP(t)
	guard, err := outbound.New([]string{strings.TrimPrefix(hooks.URL, "http://")})
	if err != nil {
		t.Fatal(err)
	}
	email, err := scheduler.NewEmail(smtpSrv.URL("overlook@example.com"))
	if err != nil {
		t.Fatal(err)
	}
	d := &scheduler.Dispatcher{Render: csvRenderer{}, Senders: map[string]scheduler.Sender{
		"webhook": &scheduler.Webhook{Client: guard.Client(5 * time.Second), Secret: func(scheduler.Message) ([]byte, error) { return key, nil }},
		"email":   email,
	}}

	clock := schedulertest.NewClock(start)
	st := openSQLite(t, clock)
	p := createPlan(t, st, "* * * * *",
		store.ScheduledPlanDestination{Type: "webhook", Format: "csv", Address: hooks.URL + "/hook"},
		store.ScheduledPlanDestination{Type: "email", Format: "csv", Address: "ops@example.com, cfo@example.com", Message: "Daily orders"})
	s := scheduler.New(st, d, quiet, scheduler.WithClock(clock.Now))
	for range 3 {
		clock.Advance(time.Minute)
		if err := s.Pass(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if sink.bad != 0 || len(sink.ids) != 3 {
		t.Fatalf("webhook got %v (%d bad)", sink.ids, sink.bad)
	}
	mails := smtpSrv.Mails()
	if len(mails) != 3 {
		t.Fatalf("%d mails, want 3", len(mails))
	}
	first := mails[0]
	want := store.DeliveryID(p.ID, start.Add(time.Minute))
	if first.Msg.Header.Get("Message-Id") != "<"+want+"@overlook>" || first.Msg.Header.Get(scheduler.HeaderDelivery) != want ||
		len(first.To) != 2 || first.Msg.Header.Get("Subject") != "every minute" {
		t.Fatalf("mail headers %v to %v", first.Msg.Header, first.To)
	}
	if !strings.Contains(string(first.Body), "orders.csv") || !strings.Contains(string(first.Body), "Daily orders") {
		t.Fatalf("mail lacks its attachment or message:\n%s", first.Body)
	}
}

func TestWebhookToForbiddenAddressFailsAndRetries(t *testing.T) {
	guard, _ := outbound.New(nil)
	d := &scheduler.Dispatcher{Render: csvRenderer{}, Senders: map[string]scheduler.Sender{
		"webhook": &scheduler.Webhook{Client: guard.Client(time.Second)}}}
	clock := schedulertest.NewClock(start)
	st := openSQLite(t, clock)
	p := createPlan(t, st, "* * * * *", store.ScheduledPlanDestination{Type: "webhook", Address: "http://169.254.169.254/latest/meta-data/"})
	s := scheduler.New(st, d, quiet, scheduler.WithClock(clock.Now))
	clock.Advance(time.Minute)
	if err := s.Pass(context.Background()); err != nil {
		t.Fatal(err)
	}
	jobs, _ := st.JobsOfPlan(context.Background(), p.ID)
	if len(jobs) != 1 || jobs[0].Status != store.JobPending || !strings.Contains(jobs[0].Error, "refused") {
		t.Fatalf("job %+v, want pending with a refusal", jobs[0])
	}
}

func TestSMTPURL(t *testing.T) {
	for _, good := range []string{"smtp://mail.example?from=a@example.com", "smtps://u:p@mail.example:2465?from=a@example.com",
		"smtp+plain://127.0.0.1:2525?from=a@example.com"} {
		if _, err := scheduler.NewEmail(good); err != nil {
			t.Errorf("%s: %v", good, err)
		}
	}
	for _, bad := range []string{"smtp://mail.example", "http://mail.example?from=a@example.com", "smtp://?from=a@b",
		"smtp://mail.example:port?from=a@example.com"} {
		if _, err := scheduler.NewEmail(bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

func TestDispatcherRefusesUnknownDestinationType(t *testing.T) {
	d := &scheduler.Dispatcher{Render: csvRenderer{}, Senders: map[string]scheduler.Sender{}}
	plan := &store.ScheduledPlan{ID: 1, Destinations: []store.ScheduledPlanDestination{{Type: "sftp"}}}
	err := d.Deliver(context.Background(), plan, &store.ScheduledJob{DeliveryID: "x"})
	if err == nil || !strings.Contains(err.Error(), "sftp") {
		t.Fatalf("err = %v", err)
	}
	if err := d.Deliver(context.Background(), &store.ScheduledPlan{ID: 2}, &store.ScheduledJob{}); err == nil {
		t.Fatal("a plan without destinations delivered")
	}
}
