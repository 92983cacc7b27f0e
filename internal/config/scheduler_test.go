package config

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSchedulerSettings(t *testing.T) {
	future := time.Now().Add(time.Hour).Unix()
	for _, tc := range []struct {
		name  string
		env   map[string]string
		args  []string
		check func(Config) bool
		err   string
	}{
		{name: "defaults", check: func(c Config) bool { return c.SchedulerTick == 10*time.Second && c.SchedulerSpeed == 1 }},
		{name: "env", env: map[string]string{"OVERLOOK_SCHEDULER_TICK": "100ms", "OVERLOOK_SCHEDULER_SPEED": "60",
			"OVERLOOK_SCHEDULER_EPOCH": "1700000000"},
			check: func(c Config) bool {
				return c.SchedulerTick == 100*time.Millisecond && c.SchedulerSpeed == 60 && c.SchedulerEpoch.Unix() == 1700000000
			}},
		{name: "flags over env", env: map[string]string{"OVERLOOK_SCHEDULER_SPEED": "60"}, args: []string{"--scheduler-speed", "2"},
			check: func(c Config) bool { return c.SchedulerSpeed == 2 }},
		{name: "bad tick", env: map[string]string{"OVERLOOK_SCHEDULER_TICK": "soon"}, err: "OVERLOOK_SCHEDULER_TICK"},
		{name: "negative tick", args: []string{"--scheduler-tick", "-1s"}, err: "must be positive"},
		{name: "slow clock", env: map[string]string{"OVERLOOK_SCHEDULER_SPEED": "0.5"}, err: "between 1 and 3600"},
		{name: "epoch in the future", args: []string{"--scheduler-epoch", strconv.FormatInt(future, 10)}, err: "in the future"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse("overlook", tc.args, func(k string) string { return tc.env[k] })
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one naming %q", err, tc.err)
				}
				return
			}
			if err != nil || (tc.check != nil && !tc.check(c)) {
				t.Fatalf("config %+v, error %v", c, err)
			}
		})
	}
}
