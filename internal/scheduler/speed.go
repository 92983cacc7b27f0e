package scheduler

import "time"

// WithSpeed runs the scheduler's clock speed times faster than real time
// from epoch on. Nodes given the same epoch agree on the time, across
// restarts too, so end-to-end tests can fire many schedules in seconds.
// Real-time bounds (a delivery's timeout) shrink by the same factor, so a
// lease still outlives the delivery that holds it.
func WithSpeed(epoch time.Time, speed float64) Option {
	return func(s *Scheduler) {
		if speed <= 1 {
			return
		}
		s.speed = speed
		s.now = func() time.Time {
			return epoch.Add(time.Duration(float64(time.Since(epoch)) * speed))
		}
	}
}

// realTime is d of the scheduler's clock in real time.
func (s *Scheduler) realTime(d time.Duration) time.Duration {
	if s.speed <= 1 {
		return d
	}
	return time.Duration(float64(d) / s.speed)
}
