// Package rendertest helps tests that need the headless browser.
package rendertest

import (
	"os"
	"testing"

	"github.com/overlookbi/overlook/internal/render"
)

// RequireBrowser skips the test on a machine without Chromium, unless
// OVERLOOK_REQUIRE_BROWSER=1 says browser tests must run: then it fails.
func RequireBrowser(t testing.TB) {
	t.Helper()
	if render.FindChromium() != "" {
		return
	}
	if os.Getenv("OVERLOOK_REQUIRE_BROWSER") == "1" {
		t.Fatal("no Chromium browser, and OVERLOOK_REQUIRE_BROWSER=1")
	}
	t.Skip("no Chromium browser (install chromium, or set OVERLOOK_REQUIRE_BROWSER=1 to fail)")
}
