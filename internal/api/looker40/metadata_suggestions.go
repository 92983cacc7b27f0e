package looker40

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/compiler"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/warehouse"
)

func init() { register(registerMetadataSuggestions) }

// SuggestionsInput names a field of an explore and narrows its values.
type SuggestionsInput struct {
	ModelName string `path:"model_name" doc:"The model"`
	ViewName  string `path:"view_name" doc:"The explore (Looker calls it view here)"`
	FieldName string `path:"field_name" doc:"The dimension to suggest values of"`
	Term      string `query:"term" doc:"Search term pattern (evaluated as as %term%)"`
	Filters   string `query:"filters" doc:"Suggestion filters with field name keys and comparison expressions, as a JSON object"`
}

func registerMetadataSuggestions(api huma.API, b *Backend) {
	handle(api, op{ID: "model_fieldname_suggestions", Method: http.MethodGet,
		Path: "/models/{model_name}/views/{view_name}/fields/{field_name}/suggestions", Tag: tagMetadata,
		Perm: "access_data", Summary: "Suggested values of a dimension"}, b.modelFieldnameSuggestions)
}

// modelFieldnameSuggestions answers the values of a dimension from the
// model's connection, narrowed by the term, the filters and the caller's
// access filters (see compiler.Suggest).
func (b *Backend) modelFieldnameSuggestions(ctx context.Context, in *SuggestionsInput) (*Out[model.ModelFieldSuggestions], error) {
	requestinfo.SetObject(ctx, "model", in.ModelName)
	p := overlook.PrincipalFrom(ctx)
	m, served := b.Catalog.Model(in.ModelName)
	if !served || !b.Catalog.CanSee(p, in.ModelName) || m.Explore(in.ViewName) == nil {
		return nil, overlook.NotFound()
	}
	filters, err := suggestionFilters(in.Filters)
	if err != nil {
		return nil, err
	}
	attrs, err := b.userAttributes(ctx, p)
	if err != nil {
		return nil, err
	}
	eng, err := b.Connections.Engine(ctx, m.Connection)
	if err != nil {
		return nil, err
	}
	s, err := compiler.Suggest(m, compiler.SuggestQuery{Explore: in.ViewName, Field: in.FieldName, Term: in.Term, Filters: filters},
		eng.Dialect(), compiler.Context{UserAttributes: attrs})
	if err != nil {
		return nil, err
	}
	if s.Static != nil {
		return ok(suggestionsBody(s.Static, false, nil))
	}
	values, hit, err := runSuggestions(ctx, eng, s.Query)
	// A database that refuses the query is reported in the body, as
	// Looker does, rather than as a failed request.
	return ok(suggestionsBody(values, hit, err))
}

// suggestionFilters reads the filters parameter: a JSON object of field
// name to filter expression.
func suggestionFilters(raw string) (map[string]string, error) {
	if strings.TrimSpace(raw) == "" {
		return nil, nil
	}
	var out map[string]string
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		return nil, overlook.Invalid("filters", "invalid", "filters must be a JSON object of field names to filter expressions")
	}
	return out, nil
}

// runSuggestions streams the suggestion query, keeping at most
// compiler.SuggestLimit values; hit reports that there were more.
func runSuggestions(ctx context.Context, eng warehouse.Engine, q *compiler.Compiled) (values []string, hit bool, err error) {
	rows, err := eng.Query(ctx, q.SQL, q.Args...)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	sc, err := warehouse.NewRowScanner(rows)
	if err != nil {
		return nil, false, err
	}
	values = []string{}
	for sc.Next() {
		row, err := sc.Row()
		if err != nil {
			return nil, false, err
		}
		if len(values) == compiler.SuggestLimit {
			return values, true, nil
		}
		if len(row) > 0 && row[0] != nil {
			values = append(values, suggestionText(row[0]))
		}
	}
	return values, false, sc.Err()
}

func suggestionText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case time.Time:
		return x.Format("2006-01-02 15:04:05")
	}
	return fmt.Sprint(v)
}

func suggestionsBody(values []string, hit bool, err error) model.ModelFieldSuggestions {
	body := model.ModelFieldSuggestions{Suggestions: values, FromCache: ptr(false), HitLimit: ptr(hit),
		UsedCalciteMaterialization: ptr(false)}
	if err != nil {
		body.Suggestions = []string{}
		body.Error = ptr("the database could not list suggestions: " + err.Error())
	}
	if body.Suggestions == nil {
		body.Suggestions = []string{}
	}
	return body
}
