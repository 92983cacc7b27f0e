package lookml

import "strings"

// repeatableBlocks are anonymous blocks that LookML lets a parent hold many
// of (several `link: {…}` on one field). Merging adds them instead of merging
// them into one another.
var repeatableBlocks = map[string]bool{
	"link": true, "action": true, "param": true, "form_param": true, "option": true,
	"user_attribute_param": true, "allowed_value": true, "bind_filters": true,
	"when": true, "filters": true, "access_filter": true,
}

// merge lays src over dst, the rule of both extends and refinements: named
// blocks (fields, joins…) merge by key and name, other blocks merge by key,
// `extends` lists add up, and any other key replaces dst's. dst is changed in
// place and returned; what it takes from src is copied, so src stays intact.
func merge(dst, src Pairs) Pairs {
	for _, s := range src {
		dst = mergePair(dst, s)
	}
	return dst
}

func mergePair(dst Pairs, s *Pair) Pairs {
	switch {
	case s.Key == "extends" && s.Value.Kind == List:
		if d := dst.Get("extends"); d != nil && d.Value.Kind == List {
			d.Value.Items = append(d.Value.Items, clonePairs(s.Value.Items)...)
			return dst
		}
	case s.Value.Kind == Block && s.Name == "" && repeatableBlocks[s.Key]:
		// added below
	case s.Value.Kind == Block:
		if d := findBlock(dst, s.Key, s.Name); d != nil {
			d.Value.Items = merge(d.Value.Items, s.Value.Items)
			return dst
		}
	default:
		if i := lastScalar(dst, s.Key); i >= 0 {
			dst[i] = clonePair(s)
			return dst
		}
	}
	return append(dst, clonePair(s))
}

func findBlock(ps Pairs, key, name string) *Pair {
	for i := len(ps) - 1; i >= 0; i-- {
		p := ps[i]
		if p.Key == key && p.Value.Kind == Block && strings.EqualFold(p.Name, name) {
			return p
		}
	}
	return nil
}

// lastScalar finds the pair that Pairs.Get would return for a non-block key.
func lastScalar(ps Pairs, key string) int {
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].Key == key && ps[i].Value.Kind != Block {
			return i
		}
	}
	return -1
}

func clonePair(p *Pair) *Pair {
	c := *p
	c.Value.Items = clonePairs(p.Value.Items)
	return &c
}

func clonePairs(ps Pairs) Pairs {
	if ps == nil {
		return nil
	}
	out := make(Pairs, len(ps))
	for i, p := range ps {
		out[i] = clonePair(p)
	}
	return out
}
