package results_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/overlookbi/overlook/internal/results"
)

type oneRow struct{ done bool }

func (r *oneRow) Next() bool          { ok := !r.done; r.done = true; return ok }
func (r *oneRow) Row() ([]any, error) { return []any{"Allegra K", int64(1234)}, nil }
func (r *oneRow) Err() error          { return nil }

func ExampleFormat_Write() {
	cols := []results.Column{
		{Name: "products.brand", Label: "Products Brand", Kind: results.Dimension, Type: "string"},
		{Name: "products.count", Label: "Products Count", Kind: results.Measure, Type: "count", ValueFormatName: "decimal_0"},
	}
	for _, name := range []string{"csv", "json", "png"} {
		f, err := results.Resolve(name)
		if err != nil {
			fmt.Println(name, "refused:", err)
			continue
		}
		w := httptest.NewRecorder()
		w.Header().Set("Content-Type", f.ContentType)
		n, err := f.Write(w, cols, &oneRow{}, results.Options{ApplyFormatting: true})
		fmt.Println(w.Header().Get("Content-Type"), n, err)
		fmt.Println(w.Body.String())
	}
	// Output:
	// text/csv; charset=utf-8 1 <nil>
	// Products Brand,Products Count
	// Allegra K,"1,234"
	//
	// application/json 1 <nil>
	// [
	// {"products.brand":"Allegra K","products.count":"1,234"}
	// ]
	// png refused: overlook invalid: result_format: Validation Failed
}
