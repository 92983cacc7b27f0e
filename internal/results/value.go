package results

import (
	"encoding/json"
	"strconv"
	"time"
)

// Layouts of time values by LookML type. Timeframes usually come from
// the database already as text ("2024-05", "2024-Q2"); these cover a
// time.Time the database returned as it is.
var timeLayouts = map[string]string{
	"date":             "2006-01-02",
	"date_date":        "2006-01-02",
	"date_week":        "2006-01-02",
	"date_month":       "2006-01",
	"date_year":        "2006",
	"date_hour":        "2006-01-02 15",
	"date_minute":      "2006-01-02 15:04",
	"date_second":      "2006-01-02 15:04:05",
	"date_time":        "2006-01-02 15:04:05",
	"date_raw":         "2006-01-02 15:04:05",
	"time":             "2006-01-02 15:04:05",
	"date_millisecond": "2006-01-02 15:04:05.000",
	"date_microsecond": "2006-01-02 15:04:05.000000",
}

// cells renders the values of a result's columns, as text (csv, txt,
// html, md) or as JSON, applying value formats when asked to.
type cells struct {
	cols    []Column
	formats []*numFormat // nil where values are written raw
	layouts []string     // time layout by column type, "" when none (see appendTime)
}

func newCells(cols []Column, opt Options) *cells {
	c := &cells{cols: cols, formats: make([]*numFormat, len(cols)), layouts: make([]string, len(cols))}
	for i, col := range cols {
		c.layouts[i] = timeLayouts[col.Type]
	}
	if opt.ApplyFormatting {
		for i, col := range cols {
			c.formats[i] = col.numFormat()
		}
	}
	return c
}

// numFormat parses the column's value format; nil when it has none or
// one outside the supported subset.
func (c Column) numFormat() *numFormat {
	spec := c.ValueFormat
	if spec == "" {
		spec = namedFormats[c.ValueFormatName]
	}
	if spec == "" {
		return nil
	}
	f, err := parseNumFormat(spec)
	if err != nil {
		return nil
	}
	return f
}

// appendText appends column i's value v as text: empty for NULL.
func (c *cells) appendText(b []byte, i int, v any) []byte {
	if f := c.formats[i]; f != nil {
		if out, ok := f.appendValue(b, v); ok {
			return out
		}
	}
	if t, ok := v.(time.Time); ok { // the column's layout, found once
		return appendTimeLayout(b, c.cols[i].Type, c.layouts[i], t)
	}
	return appendRawText(b, c.cols[i].Type, v)
}

// appendJSON appends column i's value v as a JSON value; a formatted
// value is a string.
func (c *cells) appendJSON(b []byte, i int, v any) []byte {
	if f := c.formats[i]; f != nil {
		start := len(b)
		if out, ok := f.appendValue(b, v); ok {
			text := string(out[start:])
			return appendJSONString(out[:start], text)
		}
	}
	return appendRawJSON(b, c.cols[i].Type, v)
}

func appendRawText(b []byte, typ string, v any) []byte {
	switch x := v.(type) {
	case nil:
		return b
	case string:
		return append(b, x...)
	case int64:
		if typ == "yesno" {
			return appendYesNo(b, x != 0)
		}
		return strconv.AppendInt(b, x, 10)
	case float64:
		return strconv.AppendFloat(b, x, 'f', -1, 64)
	case json.Number:
		return append(b, x...)
	case bool:
		if typ == "yesno" {
			return appendYesNo(b, x)
		}
		return strconv.AppendBool(b, x)
	case time.Time:
		return appendTime(b, typ, x)
	}
	return appendJSONAny(b, v)
}

func appendRawJSON(b []byte, typ string, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...)
	case string:
		return appendJSONString(b, x)
	case int64:
		if typ == "yesno" {
			return appendJSONString(b, yesNo(x != 0))
		}
		return strconv.AppendInt(b, x, 10)
	case float64:
		return appendJSONFloat(b, x)
	case json.Number:
		return append(b, x...)
	case bool:
		if typ == "yesno" {
			return appendJSONString(b, yesNo(x))
		}
		return strconv.AppendBool(b, x)
	case time.Time:
		if typ == "date_year" {
			return strconv.AppendInt(b, int64(x.Year()), 10)
		}
		b = append(b, '"')
		return append(appendTime(b, typ, x), '"')
	}
	return appendJSONAny(b, v)
}

func yesNo(ok bool) string {
	if ok {
		return "Yes"
	}
	return "No"
}

func appendYesNo(b []byte, ok bool) []byte { return append(b, yesNo(ok)...) }

// appendTime writes t by its column type; with an unknown type a
// midnight value is a date and any other a date and time.
func appendTime(b []byte, typ string, t time.Time) []byte {
	return appendTimeLayout(b, typ, timeLayouts[typ], t)
}

// appendTimeLayout is appendTime with typ's layout already looked up.
func appendTimeLayout(b []byte, typ, layout string, t time.Time) []byte {
	if typ == "date_quarter" {
		b = t.AppendFormat(b, "2006-Q")
		return append(b, byte('1'+(t.Month()-1)/3))
	}
	if layout == "" {
		layout = timeLayouts["time"]
		if h, m, s := t.Clock(); h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0 {
			layout = timeLayouts["date"]
		}
	}
	return appendLayout(b, t, layout)
}

// isNumeric tells a numeric LookML type (for alignment and metadata).
func isNumeric(c Column) bool {
	switch c.Type {
	case "number", "count", "count_distinct", "sum", "sum_distinct", "average", "average_distinct",
		"median", "median_distinct", "percentile", "percentile_distinct", "min", "max",
		"percent_of_total", "percent_of_previous", "running_total", "int", "tier_number", "date_year":
		return true
	}
	return c.Kind == Measure && c.Type != "string" && c.Type != "list" && c.Type != "date" && c.Type != "yesno"
}
