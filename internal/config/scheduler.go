package config

import (
	"flag"
	"fmt"
	"strconv"
	"time"
)

// schedulerFlags reads the scheduler's settings: how often it looks for
// due work, and (for tests and demos) how fast its clock runs.
func (c *Config) schedulerFlags(fs *flag.FlagSet, getenv func(string) string) error {
	if v := getenv("OVERLOOK_SCHEDULER_TICK"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			return fmt.Errorf("OVERLOOK_SCHEDULER_TICK %q: %w", v, err)
		}
		c.SchedulerTick = d
	}
	fs.DurationVar(&c.SchedulerTick, "scheduler-tick", c.SchedulerTick, "how often the node looks for due deliveries ($OVERLOOK_SCHEDULER_TICK)")
	if v := getenv("OVERLOOK_SCHEDULER_SPEED"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return fmt.Errorf("OVERLOOK_SCHEDULER_SPEED %q: %w", v, err)
		}
		c.SchedulerSpeed = f
	}
	fs.Float64Var(&c.SchedulerSpeed, "scheduler-speed", c.SchedulerSpeed,
		"run the scheduler's clock this many times faster than real time, for tests ($OVERLOOK_SCHEDULER_SPEED)")
	if v := getenv("OVERLOOK_SCHEDULER_EPOCH"); v != "" {
		if err := c.setEpoch(v); err != nil {
			return fmt.Errorf("OVERLOOK_SCHEDULER_EPOCH: %w", err)
		}
	}
	fs.Func("scheduler-epoch", "unix second from which a faster scheduler clock counts (default: start-up) ($OVERLOOK_SCHEDULER_EPOCH)",
		c.setEpoch)
	return nil
}

// setEpoch reads the scheduler epoch in unix seconds.
func (c *Config) setEpoch(v string) error {
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return fmt.Errorf("%q must be unix seconds", v)
	}
	c.SchedulerEpoch = time.Unix(sec, 0)
	return nil
}

// validateScheduler checks the scheduler's settings.
func (c *Config) validateScheduler() []error {
	var errs []error
	if c.SchedulerTick <= 0 {
		errs = append(errs, fmt.Errorf("scheduler tick %v must be positive", c.SchedulerTick))
	}
	if c.SchedulerSpeed < 1 || c.SchedulerSpeed > 3600 {
		errs = append(errs, fmt.Errorf("scheduler speed %v must be between 1 and 3600", c.SchedulerSpeed))
	}
	if !c.SchedulerEpoch.IsZero() && c.SchedulerEpoch.After(time.Now()) {
		errs = append(errs, fmt.Errorf("scheduler epoch %v is in the future", c.SchedulerEpoch))
	}
	return errs
}
