package sqlgen

// IsTimeOf reports a timeframe whose value is a point in time (a truncated
// time shown as text: date, week, month…): the functions of dates may read
// its time. "raw" is one too.
func (t Timeframe) IsTimeOf() bool {
	_, ok := truncFrames[t]
	return ok || t == "raw"
}
