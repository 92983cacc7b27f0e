package results

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// wrapped hides the ResponseWriter's Flush, as middleware often does; it
// exposes the original through Unwrap for http.ResponseController.
type wrapped struct{ http.ResponseWriter }

func (w wrapped) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// TestStreamedOverHTTPEqualsBuffered serves every format through a real
// server, with the writer wrapped, and compares the body with the same
// result written to a buffer: the bytes a streaming client reads are the
// bytes of a buffered one.
func TestStreamedOverHTTPEqualsBuffered(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, err := Resolve(r.URL.Query().Get("format"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusUnprocessableEntity)
			return
		}
		w.Header().Set("Content-Type", f.ContentType)
		if _, err := f.Write(wrapped{w}, synthCols, newSynthRows(50_000), Options{}); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
	}))
	defer srv.Close()
	for _, name := range []string{"json", "json_bi", "csv", "txt", "html", "md"} {
		f, _ := Lookup(name)
		var want bytes.Buffer
		if _, err := f.Write(&want, synthCols, newSynthRows(50_000), Options{}); err != nil {
			t.Fatal(err)
		}
		resp, err := http.Get(srv.URL + "?format=" + name)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.Header.Get("Content-Type") != f.ContentType || !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s: %s, %d bytes; want %s, %d bytes, equal", name, resp.Header.Get("Content-Type"), len(got), f.ContentType, want.Len())
		}
		if resp.Header.Get("Content-Length") != "" {
			t.Errorf("%s: Content-Length set; a streamed body is chunked", name)
		}
	}
}
