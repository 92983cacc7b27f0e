package lookml

import "strings"

// File is one parsed LookML file.
type File struct {
	Name  string
	Items Pairs
}

// Pair is one `key: value` item. For a named block (`view: orders {…}`) Name
// holds the block name; Refinement is set for `view: +orders {…}` and Name is
// then the name without the plus. List elements are Pairs too: a bare element
// has an empty Key, a map-style element (`orders.status: "complete"`) has one.
type Pair struct {
	Pos        Pos
	Key        string
	Name       string
	Refinement bool
	Value      Value
}

// Kind tells what a Value holds.
type Kind int

const (
	String Kind = iota // a quoted string, unescaped
	Raw                // text up to `;;` after sql, html, expression…, verbatim
	Ident              // a bare word: identifiers, yes/no, set references like detail*
	Number             // a bare word that reads as a decimal number
	List               // `[…]`; elements in Items
	Block              // `{…}`; pairs in Items
)

var kindNames = [...]string{"string", "raw", "ident", "number", "list", "block"}

func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Value is the right-hand side of a Pair. Text is set for the scalar kinds,
// Items for List and Block.
type Value struct {
	Kind  Kind
	Pos   Pos
	Text  string
	Items Pairs
}

// IsScalar reports whether the value is text rather than a list or block.
func (v Value) IsScalar() bool { return v.Kind != List && v.Kind != Block }

// Pairs is an ordered sequence of pairs. Keys may repeat (many `dimension:`
// blocks, many `include:`), so lookups either return all matches or the last
// one, following LookML's "later wins" rule.
type Pairs []*Pair

// All returns every pair with the key, in order.
func (ps Pairs) All(key string) Pairs {
	var out Pairs
	for _, p := range ps {
		if p.Key == key {
			out = append(out, p)
		}
	}
	return out
}

// Get returns the last pair with the key, or nil.
func (ps Pairs) Get(key string) *Pair {
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].Key == key {
			return ps[i]
		}
	}
	return nil
}

// Named returns the last block with the key and name (names compare without
// regard to case, as Looker's do), or nil.
func (ps Pairs) Named(key, name string) *Pair {
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].Key == key && strings.EqualFold(ps[i].Name, name) {
			return ps[i]
		}
	}
	return nil
}

// Text returns the text of the last scalar pair with the key.
func (ps Pairs) Text(key string) (string, bool) {
	p := ps.Get(key)
	if p == nil || !p.Value.IsScalar() {
		return "", false
	}
	return p.Value.Text, true
}

// Children returns the pairs inside a block value (nil for other kinds).
func (p *Pair) Children() Pairs {
	if p.Value.Kind != Block {
		return nil
	}
	return p.Value.Items
}

// Strings returns the texts of a list's bare scalar elements, or the text of
// a scalar value as a one-element slice. Map-style and block elements are skipped.
func (p *Pair) Strings() []string {
	if p.Value.IsScalar() {
		return []string{p.Value.Text}
	}
	if p.Value.Kind != List {
		return nil
	}
	var out []string
	for _, e := range p.Value.Items {
		if e.Key == "" && e.Value.IsScalar() {
			out = append(out, e.Value.Text)
		}
	}
	return out
}

// Bool reads a yes/no value, bare or quoted; ok is false for anything else.
func (p *Pair) Bool() (value, ok bool) {
	if p.Value.Kind != Ident && p.Value.Kind != String {
		return false, false
	}
	switch strings.ToLower(p.Value.Text) {
	case "yes":
		return true, true
	case "no":
		return false, true
	}
	return false, false
}
