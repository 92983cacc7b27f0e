package lookml

import (
	"strings"
)

// registry gathers one kind of object (views or explores) as one model sees
// it: base definitions in order, and refinements in include order.
type registry struct {
	kind        string
	order       []string // lower-case names, by first base definition
	base        map[string]*Pair
	refinements map[string]Pairs
	refOrder    []string // lower-case names, by first refinement
}

func newRegistry(kind string) *registry {
	return &registry{kind: kind, base: map[string]*Pair{}, refinements: map[string]Pairs{}}
}

func (r *registry) add(p *Pair, errs *ErrorList) {
	if p.Name == "" || p.Value.Kind != Block {
		*errs = append(*errs, errorf(p.Pos, "%s needs a name and a block: %s: name {…}", r.kind, r.kind))
		return
	}
	key := strings.ToLower(p.Name)
	if p.Refinement {
		if len(r.refinements[key]) == 0 {
			r.refOrder = append(r.refOrder, key)
		}
		r.refinements[key] = append(r.refinements[key], p)
		return
	}
	if old := r.base[key]; old != nil {
		*errs = append(*errs, errorf(p.Pos, "%s %q is already defined at %s", r.kind, p.Name, old.Pos))
		return
	}
	r.base[key] = p
	r.order = append(r.order, key)
}

// resolve applies refinements, then extends, and returns the finished objects
// in definition order. Refinements are folded into an object before its
// parents are merged under it, so a refinement's params beat the parents'
// and an `extends` it adds counts like the object's own.
func (r *registry) resolve(errs *ErrorList) Pairs {
	own := map[string]*Pair{}
	for _, key := range r.order {
		own[key] = r.refine(clonePair(r.base[key]), r.refinements[key], errs)
	}
	for _, key := range r.refOrder {
		if r.base[key] == nil {
			p := r.refinements[key][0]
			*errs = append(*errs, errorf(p.Pos, "refinement +%s of undefined %s %q", p.Name, r.kind, p.Name))
		}
	}
	e := &extender{kind: r.kind, own: own, done: map[string]*Pair{}, errs: errs}
	out := make(Pairs, 0, len(r.order))
	for _, key := range r.order {
		out = append(out, e.resolve(key))
	}
	return out
}

func (r *registry) refine(obj *Pair, refs Pairs, errs *ErrorList) *Pair {
	for _, ref := range refs {
		if final := obj.Children().Get("final"); final != nil && isYes(final) {
			*errs = append(*errs, errorf(ref.Pos, "%s %q is final (%s) and cannot be refined", r.kind, obj.Name, final.Pos))
			continue
		}
		obj.Value.Items = merge(obj.Value.Items, ref.Value.Items)
	}
	return obj
}

func isYes(p *Pair) bool {
	yes, ok := p.Bool()
	return yes && ok
}

// extender resolves `extends` depth-first, remembering finished objects and
// the chain in progress to report cycles.
type extender struct {
	kind  string
	own   map[string]*Pair
	done  map[string]*Pair
	chain []string
	errs  *ErrorList
}

func (e *extender) resolve(key string) *Pair {
	if r := e.done[key]; r != nil {
		return r
	}
	obj := e.own[key]
	e.chain = append(e.chain, key)
	result := &Pair{Pos: obj.Pos, Key: obj.Key, Name: obj.Name, Value: Value{Kind: Block, Pos: obj.Value.Pos}}
	for _, parent := range extendsOf(obj) {
		if p := e.parent(parent); p != nil {
			result.Value.Items = merge(result.Value.Items, inheritable(p.Value.Items))
		}
	}
	result.Value.Items = merge(result.Value.Items, obj.Value.Items)
	e.chain = e.chain[:len(e.chain)-1]
	e.done[key] = result
	return result
}

// parent resolves one name from an `extends` list, or reports why it cannot.
func (e *extender) parent(ref *Pair) *Pair {
	key := strings.ToLower(ref.Value.Text)
	for i, k := range e.chain {
		if k == key {
			cycle := strings.Join(append(e.chain[i:], key), " -> ")
			*e.errs = append(*e.errs, errorf(ref.Pos, "extends cycle: %s %s", e.kind, cycle))
			return nil
		}
	}
	if e.own[key] == nil {
		*e.errs = append(*e.errs, errorf(ref.Pos, "%s extends undefined %s %q", e.kind, e.kind, ref.Value.Text))
		return nil
	}
	return e.resolve(key)
}

// extendsOf lists the names an object extends, in order, each with its position.
func extendsOf(obj *Pair) Pairs {
	var out Pairs
	for _, ext := range obj.Children().All("extends") {
		if ext.Value.IsScalar() {
			out = append(out, ext)
			continue
		}
		for _, e := range ext.Value.Items {
			if e.Key == "" && e.Value.IsScalar() {
				out = append(out, e)
			}
		}
	}
	return out
}

// inheritable drops what a child does not take from its parent: the parent's
// own `extends` (already applied) and `extension: required`.
func inheritable(ps Pairs) Pairs {
	out := make(Pairs, 0, len(ps))
	for _, p := range ps {
		if p.Key != "extends" && p.Key != "extension" {
			out = append(out, p)
		}
	}
	return out
}
