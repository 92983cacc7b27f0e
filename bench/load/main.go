// Command load is a small HTTP/1.1 load generator: N keep-alive
// connections send GET requests (POST with -body) back to back for a fixed
// time, then it prints requests per second and latency percentiles.
//
//	load -url http://127.0.0.1:19999/api/4.0/user -token T -c 32 -warmup 2s -d 10s
//	load -url 'http://127.0.0.1:19999/api/4.0/queries/run/json?cache=false' \
//	     -token T -body '{"model":"thelook",...}' -c 1 -warmup 2s -d 10s
//
// Each connection writes pre-built request bytes and reads the answer with
// http.ReadResponse, without net/http's Transport, so the client spends
// little CPU per request and the server is what gets measured.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"sync"
	"time"
)

type options struct {
	url      *url.URL
	token    string
	conns    int
	duration time.Duration
	warmup   time.Duration
	name     string
	asJSON   bool
	body     string
}

// result is what one run measured.
type result struct {
	Name     string  `json:"name"`
	Requests int     `json:"requests"`
	Errors   int     `json:"errors"`
	Seconds  float64 `json:"seconds"`
	RPS      float64 `json:"rps"`
	P50ms    float64 `json:"p50_ms"`
	P99ms    float64 `json:"p99_ms"`
	MaxMs    float64 `json:"max_ms"`
	Bytes    int64   `json:"body_bytes"`
}

func main() {
	o, err := parseFlags()
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(2)
	}
	if o.warmup > 0 {
		if _, err := run(o, o.warmup); err != nil {
			fmt.Fprintln(os.Stderr, "load: warm-up:", err)
			os.Exit(1)
		}
	}
	r, err := run(o, o.duration)
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
	report(os.Stdout, r, o.asJSON)
	if r.Errors > 0 {
		os.Exit(1)
	}
}

func parseFlags() (options, error) {
	var o options
	raw := flag.String("url", "", "URL to GET (http only)")
	flag.StringVar(&o.token, "token", "", "sent as Authorization: Bearer <token>")
	flag.IntVar(&o.conns, "c", 32, "keep-alive connections")
	flag.DurationVar(&o.duration, "d", 10*time.Second, "measured duration")
	flag.DurationVar(&o.warmup, "warmup", 2*time.Second, "unmeasured warm-up before")
	flag.StringVar(&o.name, "name", "", "label for the report")
	flag.BoolVar(&o.asJSON, "json", false, "print the result as JSON")
	flag.StringVar(&o.body, "body", "", "JSON request body; when set the request is a POST")
	flag.Parse()
	u, err := url.Parse(*raw)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return o, fmt.Errorf("-url must be an http:// URL, got %q", *raw)
	}
	if o.conns < 1 || o.duration <= 0 {
		return o, fmt.Errorf("-c must be ≥ 1 and -d > 0")
	}
	o.url = u
	if o.name == "" {
		o.name = u.Host
	}
	return o, nil
}

// worker is one connection's tally.
type worker struct {
	lat    []time.Duration
	errors int
	bytes  int64
	err    error
}

// run drives all connections for d and merges their tallies.
func run(o options, d time.Duration) (result, error) {
	req := requestBytes(o)
	workers := make([]worker, o.conns)
	deadline := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for i := range workers {
		wg.Add(1)
		go func(w *worker) {
			defer wg.Done()
			w.err = drive(o.url.Host, req, deadline, w)
		}(&workers[i])
	}
	wg.Wait()
	elapsed := time.Since(start)
	return merge(o.name, workers, elapsed)
}

func requestBytes(o options) []byte {
	method := "GET"
	if o.body != "" {
		method = "POST"
	}
	s := method + " " + o.url.RequestURI() + " HTTP/1.1\r\nHost: " + o.url.Host + "\r\n" +
		"User-Agent: overlook-bench\r\nAccept: application/json\r\n"
	if o.token != "" {
		s += "Authorization: Bearer " + o.token + "\r\n"
	}
	if o.body != "" {
		s += "Content-Type: application/json\r\nContent-Length: " + strconv.Itoa(len(o.body)) + "\r\n"
	}
	return []byte(s + "\r\n" + o.body)
}

// drive sends requests on one connection until the deadline, reconnecting
// if the server closes it.
func drive(host string, req []byte, deadline time.Time, w *worker) error {
	var conn net.Conn
	var br *bufio.Reader
	defer func() {
		if conn != nil {
			conn.Close()
		}
	}()
	for time.Now().Before(deadline) {
		if conn == nil {
			c, err := net.Dial("tcp", host)
			if err != nil {
				return err
			}
			conn, br = c, bufio.NewReaderSize(c, 64<<10)
		}
		t0 := time.Now()
		n, keep, err := roundTrip(conn, br, req)
		if err != nil {
			w.errors++
			conn.Close()
			conn = nil
			continue
		}
		w.lat = append(w.lat, time.Since(t0))
		w.bytes += n
		if !keep {
			conn.Close()
			conn = nil
		}
	}
	return nil
}

// roundTrip writes one request and reads the whole answer. A non-200 counts
// as an error.
func roundTrip(conn net.Conn, br *bufio.Reader, req []byte) (int64, bool, error) {
	if _, err := conn.Write(req); err != nil {
		return 0, false, err
	}
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		return 0, false, err
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil {
		return n, false, err
	}
	if resp.StatusCode != http.StatusOK {
		return n, false, fmt.Errorf("status %d", resp.StatusCode)
	}
	return n, !resp.Close, nil
}

func merge(name string, workers []worker, elapsed time.Duration) (result, error) {
	r := result{Name: name, Seconds: elapsed.Seconds()}
	var all []time.Duration
	for i := range workers {
		w := &workers[i]
		if w.err != nil && len(w.lat) == 0 {
			return r, w.err
		}
		all = append(all, w.lat...)
		r.Errors += w.errors
		r.Bytes += w.bytes
	}
	r.Requests = len(all)
	if r.Requests == 0 {
		return r, fmt.Errorf("no request succeeded (%d errors)", r.Errors)
	}
	slices.Sort(all)
	r.RPS = float64(r.Requests) / r.Seconds
	r.P50ms = ms(percentile(all, 0.50))
	r.P99ms = ms(percentile(all, 0.99))
	r.MaxMs = ms(all[len(all)-1])
	r.Bytes /= int64(r.Requests)
	return r, nil
}

// percentile of a sorted slice (nearest rank).
func percentile(sorted []time.Duration, p float64) time.Duration {
	i := int(p*float64(len(sorted))+0.5) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func ms(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e6 }

func report(w io.Writer, r result, asJSON bool) {
	if asJSON {
		_ = json.NewEncoder(w).Encode(r)
		return
	}
	fmt.Fprintf(w, "%-10s %9.0f req/s  p50 %6.3f ms  p99 %6.3f ms  max %7.3f ms  (%d requests, %d errors, %d-byte bodies, %.1f s)\n",
		r.Name, r.RPS, r.P50ms, r.P99ms, r.MaxMs, r.Requests, r.Errors, r.Bytes, r.Seconds)
}
