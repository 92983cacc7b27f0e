package content

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// ColorStop is one color of a continuous palette, at an offset from 0 to
// 100.
type ColorStop struct {
	Color  string `json:"color"`
	Offset int64  `json:"offset"`
}

// DiscretePalette is a list of colors used one after the other.
type DiscretePalette struct {
	ID     string   `json:"id"`
	Label  string   `json:"label"`
	Type   string   `json:"type"`
	Colors []string `json:"colors"`
}

// ContinuousPalette is a gradient through its stops.
type ContinuousPalette struct {
	ID    string      `json:"id"`
	Label string      `json:"label"`
	Type  string      `json:"type"`
	Stops []ColorStop `json:"stops"`
}

// ColorCollection is a named set of categorical, sequential and diverging
// palettes. Standard collections are built in and read-only.
type ColorCollection struct {
	ID          string
	Label       string
	Categorical []DiscretePalette
	Sequential  []ContinuousPalette
	Diverging   []ContinuousPalette
	Standard    bool
}

// Palette types as clients name them.
const (
	paletteCategorical = "Categorical"
	paletteSequential  = "Sequential"
	paletteDiverging   = "Diverging"
)

// SeedAppearance seeds the built-in color collections and theme; the
// server calls it at every start.
func SeedAppearance(ctx context.Context, st *store.Store) error {
	if err := SeedColorCollections(ctx, st); err != nil {
		return err
	}
	return SeedThemes(ctx, st)
}

// SeedColorCollections adds the built-in collections that are missing and
// picks the first as the default when none is chosen. It runs at every
// start and changes nothing the second time.
func SeedColorCollections(ctx context.Context, st *store.Store) error {
	rows := make([]*store.ColorCollection, 0, len(standardCollections))
	for _, c := range standardCollections {
		row, err := collectionRow(c)
		if err != nil {
			return err
		}
		rows = append(rows, row)
	}
	return st.EnsureStandardColorCollections(ctx, rows)
}

// ColorCollections lists the collections: all when standard is nil, else
// only the standard or only the custom ones.
func ColorCollections(ctx context.Context, st *store.Store, standard *bool) ([]*ColorCollection, error) {
	rows, err := st.ColorCollections(ctx, standard)
	if err != nil {
		return nil, err
	}
	out := make([]*ColorCollection, 0, len(rows))
	for _, r := range rows {
		c, err := collectionOf(r)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// GetColorCollection returns one collection.
func GetColorCollection(ctx context.Context, st *store.Store, id string) (*ColorCollection, error) {
	r, err := st.ColorCollection(ctx, id)
	if err != nil {
		return nil, err
	}
	return collectionOf(r)
}

// DefaultColorCollection returns the instance's default collection.
func DefaultColorCollection(ctx context.Context, st *store.Store) (*ColorCollection, error) {
	id, err := st.AppearanceDefault(ctx, store.DefaultColorCollectionKind)
	if err != nil {
		return nil, err
	}
	if id == "" && len(standardCollections) > 0 {
		id = standardCollections[0].ID
	}
	return GetColorCollection(ctx, st, id)
}

// SetDefaultColorCollection makes the collection id the default; an unknown
// id is invalid.
func SetDefaultColorCollection(ctx context.Context, st *store.Store, id string) (*ColorCollection, error) {
	c, err := GetColorCollection(ctx, st, strings.TrimSpace(id))
	if overlook.IsNotFound(err) {
		return nil, overlook.Invalid("collection_id", "not_found", "no color collection has id %q", id)
	}
	if err != nil {
		return nil, err
	}
	return c, st.SetAppearanceDefault(ctx, store.DefaultColorCollectionKind, c.ID)
}

// CreateColorCollection validates c, gives it and its palettes ids, and
// stores it as a custom collection.
func CreateColorCollection(ctx context.Context, st *store.Store, c *ColorCollection) error {
	c.ID, c.Standard = "custom-"+randomID(10), false
	if err := checkCollection(c); err != nil {
		return err
	}
	row, err := collectionRow(*c)
	if err != nil {
		return err
	}
	return st.CreateColorCollection(ctx, row)
}

// UpdateColorCollection stores the changed collection c (already merged
// with the stored one); standard collections cannot change.
func UpdateColorCollection(ctx context.Context, st *store.Store, c *ColorCollection) error {
	old, err := st.ColorCollection(ctx, c.ID)
	if err != nil {
		return err
	}
	if old.Standard {
		return overlook.Errorf(overlook.ENOTALLOWED, "standard color collections cannot be changed")
	}
	if err := checkCollection(c); err != nil {
		return err
	}
	row, err := collectionRow(*c)
	if err != nil {
		return err
	}
	return st.UpdateColorCollection(ctx, row)
}

// DeleteColorCollection deletes a custom collection.
func DeleteColorCollection(ctx context.Context, st *store.Store, id string) error {
	old, err := st.ColorCollection(ctx, id)
	if err != nil {
		return err
	}
	if old.Standard {
		return overlook.Errorf(overlook.ENOTALLOWED, "standard color collections cannot be deleted")
	}
	return st.DeleteColorCollection(ctx, id)
}

// checkCollection validates the label and palettes and fills in missing
// palette ids and types.
func checkCollection(c *ColorCollection) error {
	c.Label = strings.TrimSpace(c.Label)
	if c.Label == "" {
		return overlook.Invalid("label", "missing", "label is required")
	}
	for i := range c.Categorical {
		p := &c.Categorical[i]
		fillPalette(&p.ID, &p.Type, c.ID, paletteCategorical, i)
		if len(p.Colors) == 0 {
			return overlook.Invalid("categoricalPalettes", "invalid", "a categorical palette needs colors")
		}
		for _, col := range p.Colors {
			if !isCSSColor(col) {
				return overlook.Invalid("categoricalPalettes", "invalid", "%q is not a color", col)
			}
		}
	}
	for _, list := range []struct {
		field, kind string
		ps          []ContinuousPalette
	}{{"sequentialPalettes", paletteSequential, c.Sequential}, {"divergingPalettes", paletteDiverging, c.Diverging}} {
		for i := range list.ps {
			p := &list.ps[i]
			fillPalette(&p.ID, &p.Type, c.ID, list.kind, i)
			if err := checkStops(list.field, p.Stops); err != nil {
				return err
			}
		}
	}
	return nil
}

func fillPalette(id, typ *string, collectionID, kind string, i int) {
	if *id == "" {
		*id = fmt.Sprintf("%s-%s-%d", collectionID, strings.ToLower(kind), i)
	}
	if *typ == "" {
		*typ = kind
	}
}

func checkStops(field string, stops []ColorStop) error {
	if len(stops) < 2 {
		return overlook.Invalid(field, "invalid", "a continuous palette needs at least two stops")
	}
	for _, s := range stops {
		if !isCSSColor(s.Color) {
			return overlook.Invalid(field, "invalid", "%q is not a color", s.Color)
		}
		if s.Offset < 0 || s.Offset > 100 {
			return overlook.Invalid(field, "invalid", "stop offsets go from 0 to 100")
		}
	}
	return nil
}

func collectionRow(c ColorCollection) (*store.ColorCollection, error) {
	cat, err1 := json.Marshal(nonNil(c.Categorical))
	seq, err2 := json.Marshal(nonNil(c.Sequential))
	div, err3 := json.Marshal(nonNil(c.Diverging))
	if err := firstErr(err1, err2, err3); err != nil {
		return nil, err
	}
	return &store.ColorCollection{ID: c.ID, Label: c.Label, Categorical: string(cat), Sequential: string(seq),
		Diverging: string(div), Standard: c.Standard}, nil
}

func collectionOf(r *store.ColorCollection) (*ColorCollection, error) {
	c := &ColorCollection{ID: r.ID, Label: r.Label, Standard: r.Standard}
	err := firstErr(json.Unmarshal([]byte(r.Categorical), &c.Categorical),
		json.Unmarshal([]byte(r.Sequential), &c.Sequential), json.Unmarshal([]byte(r.Diverging), &c.Diverging))
	if err != nil {
		return nil, fmt.Errorf("color collection %s: %w", r.ID, err)
	}
	return c, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

const idAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// randomID returns n random letters and digits.
func randomID(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = idAlphabet[int(b[i])%len(idAlphabet)]
	}
	return string(b)
}
