// Package sysactivity embeds the built-in system__activity LookML model,
// whose connection is Overlook's own metadata database.
package sysactivity

import (
	"embed"
	"io/fs"
)

// ModelName is the model's name; ConnectionName its connection's.
const (
	ModelName      = "system__activity"
	ConnectionName = "system__activity"
	ProjectName    = "system__activity"
)

//go:embed *.lkml
var files embed.FS

// FS returns the project's files.
func FS() fs.FS { return files }
