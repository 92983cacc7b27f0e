package results

import (
	"io"
	"runtime"
	"testing"
	"time"
)

// synthRows generates n rows of five columns without holding them, and
// samples the heap every sampleEvery rows.
type synthRows struct {
	n, i     int
	row      []any
	day      time.Time
	peakHeap uint64
}

const sampleEvery = 100_000

var synthCols = []Column{
	{Name: "t.id", Label: "T ID", Kind: Dimension, Type: "number"},
	{Name: "t.amount", Label: "T Amount", Kind: Measure, Type: "sum", ValueFormatName: "usd"},
	{Name: "t.name", Label: "T Name", Kind: Dimension, Type: "string"},
	{Name: "t.day", Label: "T Day", Kind: Dimension, Type: "date_date"},
	{Name: "t.ok", Label: "T OK", Kind: Dimension, Type: "yesno"},
}

func newSynthRows(n int) *synthRows {
	return &synthRows{n: n, row: make([]any, 5), day: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
}

func (s *synthRows) Next() bool {
	s.i++
	if s.i%sampleEvery == 0 {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		s.peakHeap = max(s.peakHeap, m.HeapInuse)
	}
	return s.i <= s.n
}

func (s *synthRows) Row() ([]any, error) {
	s.row[0] = int64(s.i)
	s.row[1] = float64(s.i) * 1.25
	s.row[2] = "name, \"quoted\""
	s.row[3] = s.day.AddDate(0, 0, s.i%365)
	s.row[4] = s.i%2 == 0
	return s.row, nil
}

func (s *synthRows) Err() error { return nil }

// countingWriter counts bytes and flushes, the way an http.ResponseWriter
// with an http.Flusher would see them.
type countingWriter struct {
	bytes, writes, flushes int
	biggestWrite           int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.bytes += len(p)
	w.writes++
	w.biggestWrite = max(w.biggestWrite, len(p))
	return len(p), nil
}

func (w *countingWriter) Flush() { w.flushes++ }

// TestStreamingMemoryIsFlat writes a million rows as csv and json (about
// 70 MB each) and checks that the heap never grows near the output size:
// rows go out in chunks, none is retained.
func TestStreamingMemoryIsFlat(t *testing.T) {
	rows := 1_000_000
	if testing.Short() {
		rows = 200_000
	}
	for _, name := range []string{"csv", "json"} {
		t.Run(name, func(t *testing.T) {
			runtime.GC()
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			f, _ := Lookup(name)
			src, out := newSynthRows(rows), &countingWriter{}
			n, err := f.Write(out, synthCols, src, Options{ApplyFormatting: true})
			if err != nil || n != rows {
				t.Fatalf("wrote %d rows, err %v", n, err)
			}
			t.Logf("%d MB in %d writes, %d flushes, heap peak %d MB", out.bytes>>20, out.writes, out.flushes, src.peakHeap>>20)
			if grown := int64(src.peakHeap) - int64(before.HeapInuse); grown > 8<<20 {
				t.Errorf("heap grew by %d MB writing %d MB", grown>>20, out.bytes>>20)
			}
			if out.biggestWrite > 2*chunkSize || out.flushes < out.bytes/(2*chunkSize) {
				t.Errorf("%d bytes in %d writes (biggest %d) and %d flushes; want chunks of about %d",
					out.bytes, out.writes, out.biggestWrite, out.flushes, chunkSize)
			}
		})
	}
}

// TestRowAllocationsAreBounded checks the per-row cost does not depend on
// how many rows came before.
func TestRowAllocationsAreBounded(t *testing.T) {
	f, _ := Lookup("csv")
	perRun := func(rows int) float64 {
		return testing.AllocsPerRun(3, func() {
			if _, err := f.Write(io.Discard, synthCols, newSynthRows(rows), Options{}); err != nil {
				t.Fatal(err)
			}
		})
	}
	small, large := perRun(1_000), perRun(10_000)
	perRow := (large - small) / 9_000
	t.Logf("%.2f allocations a row (the source's boxing included)", perRow)
	if perRow > 4 {
		t.Errorf("%.1f allocations a row; want a small constant", perRow)
	}
}
