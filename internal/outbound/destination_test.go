package outbound_test

import (
	"errors"
	"net/url"
	"testing"

	"github.com/overlookbi/overlook/internal/outbound"
)

// resolvedOnly are hostile names whose danger shows only once resolved:
// CheckDestination lets them through, the dialer refuses them.
var resolvedOnly = map[string]bool{
	"http://127.0.0.1.nip.io/": true, "http://metadata.google.internal/computeMetadata/v1/": true,
	"http://internal.example/": true, "http://mixed.example/": true, "http://v6private.example/": true,
}

func TestCheckDestinationRefusesLiterals(t *testing.T) {
	g, err := outbound.New([]string{"127.0.0.1:8181", "hooks.internal"})
	if err != nil {
		t.Fatal(err)
	}
	refused := 0
	for _, raw := range hostile("8181") {
		u, err := url.Parse(raw)
		if err != nil {
			refused++ // the plan's own URL check refuses these
			continue
		}
		err = g.CheckDestination(u)
		var r *outbound.RefusedError
		switch {
		case resolvedOnly[raw] && err != nil:
			t.Errorf("%s: %v, want it left to the dialer", raw, err)
		case !resolvedOnly[raw] && !errors.As(err, &r):
			t.Errorf("%s: %v, want a refusal", raw, err)
		case err != nil:
			refused++
		}
	}
	t.Logf("%d hostile destinations refused from the URL alone", refused)
	for _, ok := range []string{"http://127.0.0.1:8181/hook", "https://hooks.internal/x", "https://public.example/hook",
		"http://93.184.216.34:8080/"} {
		u, _ := url.Parse(ok)
		if err := g.CheckDestination(u); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
}
