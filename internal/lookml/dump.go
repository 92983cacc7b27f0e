package lookml

import (
	"fmt"
	"strconv"
	"strings"
)

// Dump writes a tree as indented text, one node a line with its position and
// kind. It is the format of the parser's golden files and a debugging aid.
func Dump(f *File) string {
	d := dumper{positions: true}
	d.pairs(f.Items, 0)
	return d.String()
}

type dumper struct {
	strings.Builder
	positions bool
}

func (d *dumper) pairs(ps Pairs, depth int) {
	for _, p := range ps {
		d.pair(p, depth)
	}
}

func (d *dumper) pair(p *Pair, depth int) {
	d.WriteString(strings.Repeat("  ", depth))
	if d.positions {
		fmt.Fprintf(d, "%d:%d ", p.Pos.Line, p.Pos.Col)
	}
	if p.Key != "" {
		d.WriteString(p.Key + ": ")
	}
	if p.Refinement {
		d.WriteString("+")
	}
	if p.Name != "" || p.Refinement {
		d.WriteString("name=" + strconv.Quote(p.Name) + " ")
	}
	d.value(p.Value, depth)
}

func (d *dumper) value(v Value, depth int) {
	d.WriteString(v.Kind.String())
	if d.positions {
		fmt.Fprintf(d, "@%d:%d", v.Pos.Line, v.Pos.Col)
	}
	if v.IsScalar() {
		d.WriteString(" " + strconv.Quote(v.Text) + "\n")
		return
	}
	fmt.Fprintf(d, " (%d)\n", len(v.Items))
	d.pairs(v.Items, depth+1)
}
