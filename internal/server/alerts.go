package server

import (
	"github.com/overlookbi/overlook/internal/alerts"
	"github.com/overlookbi/overlook/internal/datagroups"
	"github.com/overlookbi/overlook/internal/scheduler"
)

// schedulerTasks are the alert runner and the datagroup trigger checker:
// they run in every pass of the node's scheduler, on its clock, and send
// through the scheduler's senders.
func (s *Server) schedulerTasks(senders map[string]scheduler.Sender) []scheduler.Option {
	runner := alerts.NewRunner(s.Store, s.backend.AlertSource(), senders, s.log.With("component", "alerts"))
	checker := datagroups.NewChecker(s.Store, s.backend.Catalog.Models, s.Connections, s.log.With("component", "datagroups"))
	return []scheduler.Option{scheduler.WithTask(runner.Pass), scheduler.WithTask(checker.Pass)}
}
