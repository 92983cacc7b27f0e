// Package lookml embeds the LookML project of the thelook demo: the
// thelook model over the generated demo warehouse (see internal/demo).
package lookml

import (
	"embed"
	"io/fs"
)

//go:embed manifest.lkml *.model.lkml views/*.view.lkml
var files embed.FS

// FS returns the project's files, rooted at the project directory.
func FS() fs.FS { return files }
