package results

import (
	"bufio"
	"io"
)

// WritePivot writes a pivoted table in format f and returns the number
// of row groups written. json and json_label give each pivoted measure an
// object keyed by pivot key; json_detail and json_bi add the pivots'
// metadata; the table formats (csv, txt, html, md, xlsx) spread each
// measure over one column per pivot value under one header row per
// pivoted field.
func (f Format) WritePivot(w io.Writer, t *PivotTable, opt Options) (int, error) {
	t.sortPivots()
	switch f.Name {
	case "sql":
		return 0, WriteSQL(w, opt.SQL)
	case "json", "json_label", "json_detail", "json_bi":
		bw := bufio.NewWriterSize(w, chunkSize)
		var b []byte
		switch f.Name {
		case "json":
			b = t.appendJSON(nil, opt, byName)
		case "json_label":
			b = t.appendJSON(nil, opt, byLabel)
		case "json_detail":
			var err error
			if b, err = t.appendDetail(nil, opt); err != nil {
				return 0, err
			}
		default:
			var err error
			if b, err = t.appendBI(nil, opt); err != nil {
				return 0, err
			}
		}
		if _, err := bw.Write(b); err != nil {
			return 0, err
		}
		return len(t.rows), bw.Flush()
	}
	cols, rows := t.flatten(opt)
	opt.Limit, opt.Totals, opt.ApplyVis = 0, nil, false
	n, err := f.Write(w, cols, rows, opt)
	return max(n-len(t.pivotDims), 0), err
}
