package scheduler

import (
	"maps"
	"testing"

	"github.com/overlookbi/overlook/internal/store"
)

func TestPlanFilters(t *testing.T) {
	for _, tc := range []struct {
		options string
		want    map[string]string
		bad     bool
	}{
		{options: `{}`},
		{options: `{"filters_string": null}`},
		{options: `{"filters_string": ""}`},
		{options: `{"filters_string": "?f[users.state]=California&f[users.age]=%3E20"}`,
			want: map[string]string{"users.state": "California", "users.age": ">20"}},
		{options: `{"filters_string": "f[products.brand]=Levi%27s,Nike&f[products.brand]=Allegra"}`,
			want: map[string]string{"products.brand": "Allegra"}},
		{options: `{"filters_string": "?users.state=California"}`, bad: true},
		{options: `{"filters_string": "?f[]=x"}`, bad: true},
		{options: `{"filters_string": "?f[a.b]=%zz"}`, bad: true},
	} {
		got, err := PlanFilters(&store.ScheduledPlan{Options: tc.options})
		if (err != nil) != tc.bad || (!tc.bad && !maps.Equal(got, tc.want)) {
			t.Errorf("%s: %v %v, want %v (error: %v)", tc.options, got, err, tc.want, tc.bad)
		}
	}
}
