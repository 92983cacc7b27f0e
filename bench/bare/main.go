// Command bare is the baseline of the GET /api/4.0/user benchmark: a bare
// net/http server that checks a Bearer token and answers with fixed JSON
// bytes (the body Overlook's `me` returned, saved by bench/run.sh). Whatever
// Overlook costs above this is routing, authentication, the handler,
// serialization, logging and metrics.
//
//	bare -addr 127.0.0.1:8080 -body me.json -token <access token> [-pprof 127.0.0.1:6060]
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	_ "net/http/pprof" // served only on -pprof, a separate listener
	"os"
	"strconv"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	bodyFile := flag.String("body", "", "file with the JSON to answer (required)")
	token := flag.String("token", "", "the access token a request must carry (required)")
	pprofAddr := flag.String("pprof", "", "serve net/http/pprof on this address too")
	flag.Parse()
	if *bodyFile == "" || *token == "" {
		flag.Usage()
		os.Exit(2)
	}
	body, err := os.ReadFile(*bodyFile)
	if err != nil {
		log.Fatal(err)
	}
	if *pprofAddr != "" {
		go func() { log.Println(http.ListenAndServe(*pprofAddr, http.DefaultServeMux)) }()
	}
	mux := http.NewServeMux()
	mux.Handle("GET /api/4.0/user", userHandler(body, "Bearer "+*token))
	mux.HandleFunc("GET /alive", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	fmt.Fprintf(os.Stderr, "bare: %d-byte body on %s\n", len(body), *addr)
	log.Fatal(http.ListenAndServe(*addr, mux))
}

var unauthorized = []byte(`{"message":"Requires authentication.","documentation_url":"https://example.invalid/"}`)

// userHandler answers like Overlook's `me` does on the wire: the token
// check, a JSON content type and the same bytes.
func userHandler(body []byte, want string) http.Handler {
	length := strconv.Itoa(len(body))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Type", "application/json")
		if r.Header.Get("Authorization") != want {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write(unauthorized)
			return
		}
		h.Set("Content-Length", length)
		_, _ = w.Write(body)
	})
}
