package results

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// encoder writes one format: begin before the first row, row per row, end
// after the last. Output goes through the chunked buffer w.
type encoder interface {
	begin(w *bufio.Writer) error
	row(w *bufio.Writer, vals []any) error
	end(w *bufio.Writer, n int) error
}

// Write streams rows to w in format f and returns how many rows it wrote.
// It reads the first row before writing anything, so an error from a
// query that fails at once leaves w untouched. rows may be nil (sql, or
// an empty result).
func (f Format) Write(w io.Writer, cols []Column, rows Rows, opt Options) (int, error) {
	if opt.Totals != nil && len(opt.Totals) != len(cols) {
		return 0, fmt.Errorf("%w: %d totals for %d columns", errRowWidth, len(opt.Totals), len(cols))
	}
	shown, pick := project(cols, opt)
	opt.Totals = pickValues(opt.Totals, pick, nil)
	src := &source{rows: rows, width: len(cols), pick: pick, limit: f.limit(opt)}
	if !f.RunsQuery {
		src.rows = nil
	}
	if err := src.prefetch(); err != nil {
		return 0, err
	}
	out := newChunker(w)
	enc := f.newEncoder(shown, opt)
	if c, ok := enc.(io.Closer); ok {
		defer c.Close()
	}
	if err := enc.begin(out.bw); err != nil {
		return 0, err
	}
	n := 0
	for src.next() {
		if err := enc.row(out.bw, src.vals); err != nil {
			return n, err
		}
		n++
		if err := out.maybeFlush(n); err != nil {
			return n, err
		}
	}
	if err := src.err; err != nil {
		_ = out.flush() // what is written stays written; the output is left unfinished
		return n, err
	}
	if err := enc.end(out.bw, n); err != nil {
		return n, err
	}
	// The rest goes to w but is not pushed: the server sends it when the
	// handler returns, so a small result leaves in one write, with a
	// Content-Length, instead of a chunk and then the last chunk.
	return n, out.bw.Flush()
}

func (f Format) limit(opt Options) int {
	switch {
	case f.MaxRows > 0 && (opt.Limit <= 0 || opt.Limit > f.MaxRows):
		return f.MaxRows
	case opt.Limit > 0:
		return opt.Limit
	}
	return -1
}

// errRowWidth reports a row whose width differs from the columns': a bug
// in the caller, never the client's input.
var errRowWidth = errors.New("results: row width differs from the columns")

// source reads rows, keeps the limit, and projects the shown columns. The
// first row is read ahead by prefetch.
type source struct {
	rows    Rows
	width   int
	pick    []int
	limit   int // -1: none
	read    int
	vals    []any
	scratch []any
	ahead   bool
	err     error
}

func (s *source) prefetch() error {
	s.ahead = s.fetch()
	return s.err
}

func (s *source) next() bool {
	if s.ahead {
		s.ahead = false
		return true
	}
	return s.fetch()
}

func (s *source) fetch() bool {
	if s.rows == nil || s.err != nil || s.read == s.limit || !s.rows.Next() {
		if s.rows != nil && s.err == nil {
			s.err = s.rows.Err()
		}
		return false
	}
	raw, err := s.rows.Row()
	if err == nil && len(raw) != s.width {
		err = fmt.Errorf("%w: %d values for %d columns", errRowWidth, len(raw), s.width)
	}
	if err != nil {
		s.err = err
		return false
	}
	s.read++
	s.scratch = pickValues(raw, s.pick, s.scratch)
	s.vals = s.scratch
	return true
}

// Output is written in chunks: buffered, then pushed to the client (and
// flushed through an http.Flusher) once a chunk is full or, for slow
// sources, once flushEvery has passed.
const (
	chunkSize  = 128 << 10
	flushEvery = 200 * time.Millisecond
)

type chunker struct {
	w     io.Writer
	bw    *bufio.Writer
	last  time.Time
	flush func() error
}

func newChunker(w io.Writer) *chunker {
	c := &chunker{w: w, bw: bufio.NewWriterSize(w, 2*chunkSize), last: time.Now()}
	push := flusherOf(w)
	c.flush = func() error {
		if err := c.bw.Flush(); err != nil {
			return err
		}
		c.last = time.Now()
		return push()
	}
	return c
}

func (c *chunker) maybeFlush(n int) error {
	if c.bw.Buffered() >= chunkSize || (n%256 == 0 && time.Since(c.last) >= flushEvery) {
		return c.flush()
	}
	return nil
}

// flusherOf returns how to push w's own buffer to the client: its Flush
// method, through http.ResponseController for a wrapped ResponseWriter,
// or nothing.
func flusherOf(w io.Writer) func() error {
	switch x := w.(type) {
	case interface{ FlushError() error }:
		return x.FlushError
	case http.Flusher:
		return func() error { x.Flush(); return nil }
	case http.ResponseWriter:
		rc := http.NewResponseController(x)
		return func() error {
			if err := rc.Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
				return err
			}
			return nil
		}
	}
	return func() error { return nil }
}
