package semantic

import "strings"

// checkCycles walks the ${} references between the fields of an explore and
// reports each cycle once, at the field where the walk found it closing.
func (b *builder) checkCycles(e *Explore) {
	const (
		unseen = iota
		onPath
		done
	)
	state := map[string]int{}
	var path []FieldRef
	var visit func(FieldRef)
	visit = func(fr FieldRef) {
		key := strings.ToLower(fr.Name())
		switch state[key] {
		case onPath:
			b.errorf(fr.Field.Pos, "reference cycle: %s", cyclePath(path, key))
			return
		case done:
			return
		}
		state[key] = onPath
		path = append(path, fr)
		for _, next := range fieldDeps(e, fr) {
			visit(next)
		}
		path = path[:len(path)-1]
		state[key] = done
	}
	for _, alias := range e.Aliases() {
		if v := e.ViewOf(alias); v != nil {
			for _, f := range v.Fields {
				visit(FieldRef{Alias: e.canonicalAlias(alias), Field: f})
			}
		}
	}
}

// fieldDeps lists the fields a field's SQL references, ignoring references
// that do not resolve (reported elsewhere).
func fieldDeps(e *Explore, fr FieldRef) []FieldRef {
	var out []FieldRef
	for _, t := range fieldTemplates(fr.Field) {
		for _, r := range refsOf(t.Text) {
			if tg, err := e.resolve(fr.Alias, r); err == nil && tg.field != nil {
				out = append(out, FieldRef{Alias: tg.alias, Field: tg.field})
			}
		}
	}
	return out
}

// cyclePath writes the part of the walk that forms the cycle: a -> b -> a.
func cyclePath(path []FieldRef, back string) string {
	var names []string
	for i := len(path) - 1; i >= 0; i-- {
		names = append([]string{path[i].Name()}, names...)
		if strings.ToLower(path[i].Name()) == back {
			break
		}
	}
	return strings.Join(append(names, names[0]), " -> ")
}
