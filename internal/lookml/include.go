package lookml

import (
	"path"
	"regexp"
	"strings"
)

// importedProjects is the folder where `//project/…` includes are looked up.
const importedProjects = "imported_projects"

// includePattern turns an include string, as written in file from, into a
// pattern over project paths: `/x` is from the project root, `//p/x` is in
// imported project p, anything else is relative to from's folder. Short
// suffixes (`.view`, `.model`, `.explore`, `.dashboard`) get their full
// extension. ok is false when the pattern climbs out of the project.
func includePattern(from, include string) (pattern string, ok bool) {
	switch {
	case strings.HasPrefix(include, "//"):
		include = path.Join(importedProjects, include[2:])
	case strings.HasPrefix(include, "/"):
		include = path.Clean(include[1:])
	default:
		include = path.Join(path.Dir(from), include)
	}
	if include == ".." || strings.HasPrefix(include, "../") {
		return "", false
	}
	return withFullExtension(include), true
}

var shortSuffixes = []struct{ short, full string }{
	{".view", ".view.lkml"},
	{".model", ".model.lkml"},
	{".explore", ".explore.lkml"},
	{".dashboard", ".dashboard.lookml"},
}

func withFullExtension(p string) string {
	for _, s := range shortSuffixes {
		if strings.HasSuffix(p, s.short) {
			return p + strings.TrimPrefix(s.full, s.short)
		}
	}
	return p
}

// globRegexp compiles an include pattern: `**/` matches any number of
// folders, `**` anything at all, `*` anything within one path element.
func globRegexp(pattern string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for rest := pattern; rest != ""; {
		switch {
		case strings.HasPrefix(rest, "**/"):
			b.WriteString("(?:.*/)?")
			rest = rest[3:]
		case strings.HasPrefix(rest, "**"):
			b.WriteString(".*")
			rest = rest[2:]
		case rest[0] == '*':
			b.WriteString("[^/]*")
			rest = rest[1:]
		default:
			n := strings.IndexByte(rest, '*')
			if n < 0 {
				n = len(rest)
			}
			b.WriteString(regexp.QuoteMeta(rest[:n]))
			rest = rest[n:]
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// matchInclude lists the project paths (in the given order) that a pattern
// names.
func matchInclude(pattern string, paths []string) []string {
	if !strings.Contains(pattern, "*") {
		for _, p := range paths {
			if p == pattern {
				return []string{p}
			}
		}
		return nil
	}
	re := globRegexp(pattern)
	var out []string
	for _, p := range paths {
		if re.MatchString(p) {
			out = append(out, p)
		}
	}
	return out
}
