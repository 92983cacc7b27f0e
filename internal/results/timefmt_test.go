package results

import (
	"math/rand/v2"
	"testing"
	"time"
)

func TestAppendLayoutMatchesAppendFormat(t *testing.T) {
	times := []time.Time{
		time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1, 2, 3, 4, 5, 6, 7, time.UTC),
		time.Date(999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(2024, 2, 29, 12, 0, 0, 0, time.FixedZone("x", -7*3600)),
		time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-1, 6, 15, 1, 2, 3, 0, time.UTC),
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		times = append(times, time.Unix(rng.Int64N(400_000_000_000)-62_000_000_000, rng.Int64N(1e9)).UTC())
	}
	for _, tm := range times {
		for _, layout := range []string{layoutDate, layoutDateTime, "2006-01"} {
			want := tm.Format(layout)
			if got := string(appendLayout([]byte("x"), tm, layout)); got != "x"+want {
				t.Fatalf("%v in %q: %q, want %q", tm, layout, got, "x"+want)
			}
		}
	}
}
