package server

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/overlookbi/overlook/internal/store"
)

// dbCollector exports the metadata DB pools' statistics.
type dbCollector struct {
	st                 *store.Store
	open, inUse, waits *prometheus.Desc
}

func newDBCollector(st *store.Store) *dbCollector {
	labels := []string{"pool"}
	return &dbCollector{st: st,
		open:  prometheus.NewDesc("overlook_db_open_connections", "Open connections of the metadata DB pool.", labels, nil),
		inUse: prometheus.NewDesc("overlook_db_in_use_connections", "Connections in use.", labels, nil),
		waits: prometheus.NewDesc("overlook_db_wait_count_total", "Waits for a free connection.", labels, nil),
	}
}

func (c *dbCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.open
	ch <- c.inUse
	ch <- c.waits
}

func (c *dbCollector) Collect(ch chan<- prometheus.Metric) {
	w, r := c.st.Stats()
	for pool, s := range map[string]struct{ open, inUse, waits int64 }{
		"writer": {int64(w.OpenConnections), int64(w.InUse), w.WaitCount},
		"reader": {int64(r.OpenConnections), int64(r.InUse), r.WaitCount},
	} {
		ch <- prometheus.MustNewConstMetric(c.open, prometheus.GaugeValue, float64(s.open), pool)
		ch <- prometheus.MustNewConstMetric(c.inUse, prometheus.GaugeValue, float64(s.inUse), pool)
		ch <- prometheus.MustNewConstMetric(c.waits, prometheus.CounterValue, float64(s.waits), pool)
	}
}
