package sysactivity

import (
	"testing"

	"github.com/overlookbi/overlook/internal/lookml"
	"github.com/overlookbi/overlook/internal/semantic"
)

func TestModelBuildsClean(t *testing.T) {
	project, err := lookml.LoadProject(FS())
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	m, err := semantic.Build(project, ModelName)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	for _, name := range []string{"user", "history", "dashboard", "look", "query", "event", "group", "role", "scheduled_plan", "scheduled_job"} {
		if m.Explore(name) == nil {
			t.Errorf("explore %s missing", name)
		}
	}
	// The SDK tests read these fields; their labels ("Dashboard ID"…) are
	// Looker's defaults, built by the catalog.
	for _, name := range []string{"dashboard.id", "dashboard.title", "dashboard.count"} {
		if _, ok := m.Explore("dashboard").Lookup(name); !ok {
			t.Errorf("%s missing", name)
		}
	}
}
