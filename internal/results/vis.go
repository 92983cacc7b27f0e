package results

// project applies apply_vis: the columns shown, with their labels
// overridden, and the indices of the shown columns in the row (nil when
// all are shown as they are).
func project(cols []Column, opt Options) ([]Column, []int) {
	if !opt.ApplyVis || (len(opt.Vis.HiddenFields) == 0 && len(opt.Vis.SeriesLabels) == 0) {
		return cols, nil
	}
	hidden := make(map[string]bool, len(opt.Vis.HiddenFields))
	for _, name := range opt.Vis.HiddenFields {
		hidden[name] = true
	}
	var shown []Column
	var pick []int
	for i, c := range cols {
		if hidden[c.Name] {
			continue
		}
		if label, ok := opt.Vis.SeriesLabels[c.Name]; ok && label != "" {
			c.Label, c.LabelShort = label, label
		}
		shown = append(shown, c)
		pick = append(pick, i)
	}
	return shown, pick
}

// pickValues returns the values at pick (all of them when pick is nil),
// reusing dst.
func pickValues(vals []any, pick []int, dst []any) []any {
	if pick == nil || vals == nil {
		return vals
	}
	dst = dst[:0]
	for _, i := range pick {
		dst = append(dst, vals[i])
	}
	return dst
}
