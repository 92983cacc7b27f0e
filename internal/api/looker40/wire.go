package looker40

import (
	"strconv"
	"time"
)

// Helpers that turn domain values into wire values.

// idString is Looker's id form: a JSON string; 0 means none (null).
func idString(id int64) *string {
	if id == 0 {
		return nil
	}
	s := strconv.FormatInt(id, 10)
	return &s
}

func idStrings(ids []int64) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = strconv.FormatInt(id, 10)
	}
	return out
}

// timeString is Looker's timestamp form: RFC 3339 with milliseconds and a
// numeric offset, which every SDK parses (Python's fromisoformat included).
func timeString(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format("2006-01-02T15:04:05.000-07:00")
	return &s
}

func optTime(t *time.Time) *string {
	if t == nil {
		return nil
	}
	return timeString(*t)
}

// relURL is the url field of an object: the API path of the object.
func relURL(path string) *string {
	s := "/api/4.0" + path
	return &s
}
