package scheduler

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"
)

// Headers of a webhook delivery. Receivers drop a repeat by its delivery
// id and check the signature: "sha256=" and the hex HMAC-SHA256 of the body
// keyed with the destination's secret.
const (
	HeaderDelivery  = "X-Overlook-Delivery"
	HeaderSignature = "X-Overlook-Signature"
)

// Webhook posts deliveries as JSON through the outbound client, which
// refuses internal destinations.
type Webhook struct {
	Client *http.Client
	// Secret returns the signing key of a destination (nil: unsigned).
	Secret func(m Message) ([]byte, error)
}

type webhookBody struct {
	DeliveryID    string            `json:"delivery_id"`
	FireAt        time.Time         `json:"fire_at"`
	ScheduledPlan webhookPlan       `json:"scheduled_plan"`
	Attachment    webhookAttachment `json:"attachment"`
}

type webhookPlan struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	LookID      string `json:"look_id,omitempty"`
	DashboardID string `json:"dashboard_id,omitempty"`
	QueryID     string `json:"query_id,omitempty"`
}

type webhookAttachment struct {
	Filename string `json:"filename"`
	Mimetype string `json:"mimetype"`
	// Encoding is "utf8" for text formats, "base64" for binary ones.
	Encoding string `json:"encoding"`
	Data     any    `json:"data"`
}

// Send posts m; any status but 2xx is a failure (and a retry).
func (w *Webhook) Send(ctx context.Context, m Message) error {
	body, err := json.Marshal(webhookPayload(m))
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.Dest.Address, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("webhook address: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Overlook-Scheduler")
	req.Header.Set(HeaderDelivery, m.DeliveryID)
	if w.Secret != nil {
		key, err := w.Secret(m)
		if err != nil {
			return err
		}
		if len(key) > 0 {
			req.Header.Set(HeaderSignature, Sign(key, body))
		}
	}
	res, err := w.Client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	if res.StatusCode/100 != 2 {
		return fmt.Errorf("webhook answered %s", res.Status)
	}
	return nil
}

// Sign is the signature header value of body under key.
func Sign(key, body []byte) string {
	mac := hmac.New(sha256.New, key)
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

func webhookPayload(m Message) webhookBody {
	id := func(v int64) string {
		if v == 0 {
			return ""
		}
		return strconv.FormatInt(v, 10)
	}
	b := webhookBody{DeliveryID: m.DeliveryID, FireAt: m.FireAt.UTC(), ScheduledPlan: webhookPlan{
		ID: id(m.Plan.ID), Name: m.Plan.Name, LookID: id(m.Plan.LookID), DashboardID: id(m.Plan.DashboardID),
		QueryID: id(m.Plan.QueryID)}}
	if a := m.Attachment; a != nil {
		b.Attachment = webhookAttachment{Filename: a.Filename, Mimetype: a.ContentType, Encoding: "base64", Data: a.Body}
		if utf8.Valid(a.Body) {
			b.Attachment.Encoding, b.Attachment.Data = "utf8", string(a.Body)
		}
	}
	return b
}
