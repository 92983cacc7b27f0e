package server

import (
	"github.com/overlookbi/overlook/internal/demo"
	"github.com/overlookbi/overlook/internal/scheduler"
)

// Option changes how Open builds a node.
type Option func(*options)

type options struct {
	demo      DemoFunc
	progress  demo.Progress
	scheduler []scheduler.Option
}
