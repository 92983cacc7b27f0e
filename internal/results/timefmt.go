package results

import "time"

// Dates and date-times are most of a large result's cells; these write the
// two common layouts digit by digit, which is several times cheaper than
// time.Time.AppendFormat. Years outside 0–9999 go through AppendFormat.

const (
	layoutDate     = "2006-01-02"
	layoutDateTime = "2006-01-02 15:04:05"
)

// appendLayout writes t in layout, by hand for the two common layouts.
func appendLayout(b []byte, t time.Time, layout string) []byte {
	switch layout {
	case layoutDate:
		if y, m, d := t.Date(); y >= 0 && y <= 9999 {
			return appendYMD(b, y, int(m), d)
		}
	case layoutDateTime:
		if y, m, d := t.Date(); y >= 0 && y <= 9999 {
			b = append(appendYMD(b, y, int(m), d), ' ')
			h, mi, s := t.Clock()
			b = append(appendTwo(b, h), ':')
			b = append(appendTwo(b, mi), ':')
			return appendTwo(b, s)
		}
	}
	return t.AppendFormat(b, layout)
}

func appendYMD(b []byte, y, m, d int) []byte {
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-')
	b = append(appendTwo(b, m), '-')
	return appendTwo(b, d)
}

func appendTwo(b []byte, n int) []byte {
	return append(b, byte('0'+n/10), byte('0'+n%10))
}
