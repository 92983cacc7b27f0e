package looker40

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/overlook"
)

// FieldsParam is the fields parameter of most operations. The projection
// itself happens once, after serialization (see package api).
type FieldsParam struct {
	Fields string `query:"fields" doc:"Comma-separated list of fields to return; nest with parentheses: a,b(c,d)"`
}

// PageParams are limit/offset and the deprecated page/per_page.
type PageParams struct {
	Limit   int64 `query:"limit" doc:"Number of results to return (paging)"`
	Offset  int64 `query:"offset" doc:"Number of results to skip before returning any (paging)"`
	Page    int64 `query:"page" deprecated:"true" doc:"Deprecated: use limit and offset"`
	PerPage int64 `query:"per_page" deprecated:"true" doc:"Deprecated: use limit and offset"`
}

// Window returns the limit and offset to apply; limit 0 means no limit.
// limit/offset win over page/per_page when both are given.
func (p PageParams) Window() (limit, offset int, err error) {
	if p.Limit < 0 || p.Offset < 0 || p.Page < 0 || p.PerPage < 0 {
		return 0, 0, overlook.Invalid("limit", "invalid", "paging parameters must not be negative")
	}
	if p.Limit > 0 || p.Offset > 0 || p.PerPage == 0 {
		return int(p.Limit), int(p.Offset), nil
	}
	page := max(p.Page, 1)
	return int(p.PerPage), int((page - 1) * p.PerPage), nil
}

// DelimList is an array query parameter. The SDKs send it three ways:
// a,b,c (TypeScript, Python), "a,b,c" with the quotes (Go), and a JSON
// array ["a","b"]. huma splits slice parameters on commas itself, so the
// router rewrites the other two shapes into the first before huma sees
// them (package api, normalizeArrays, with ParseDelimList).
type DelimList []string

// Schema documents the parameter as an array of strings.
func (d DelimList) Schema(huma.Registry) *huma.Schema {
	return &huma.Schema{Type: huma.TypeArray, Items: &huma.Schema{Type: huma.TypeString}}
}

// ParseDelimList strips one pair of surrounding double quotes, then reads a
// JSON array if the value starts with [, or else splits on commas. Empty
// items are dropped.
func ParseDelimList(s string) ([]string, error) {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	var out []string
	if strings.HasPrefix(s, "[") {
		var items []json.RawMessage
		if err := json.Unmarshal([]byte(s), &items); err != nil {
			return nil, err
		}
		for _, it := range items {
			var v any
			if err := json.Unmarshal(it, &v); err != nil {
				return nil, err
			}
			if str := scalarText(v); str != "" {
				out = append(out, str)
			}
		}
		return out, nil
	}
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out, nil
}

func scalarText(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}

// ParseIDs turns a list of decimal ids into int64s.
func ParseIDs(field string, list []string) ([]int64, error) {
	ids := make([]int64, 0, len(list))
	for _, s := range list {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, overlook.Invalid(field, "invalid", "%q is not an id", s)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// ParseID reads one id from a path parameter. A malformed id names no
// object, so it is a 404 like any other unknown id.
func ParseID(s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || id <= 0 {
		return 0, overlook.NotFound()
	}
	return id, nil
}

// objectID reads the id of a path parameter naming an object of kind
// ("folder", "group", …) and records it for the audit log.
func objectID(ctx context.Context, kind, param string) (int64, error) {
	id, err := ParseID(param)
	if err == nil {
		requestinfo.SetObject(ctx, kind, strconv.FormatInt(id, 10))
	}
	return id, err
}

// ParseSorts reads Looker's sorts parameter: "a, b desc". ok(field) says
// which fields may be sorted on.
func ParseSorts(s string, ok func(string) bool) ([]overlook.Sort, error) {
	var out []overlook.Sort
	for _, part := range strings.Split(s, ",") {
		words := strings.Fields(part)
		if len(words) == 0 {
			continue
		}
		srt := overlook.Sort{Field: strings.ToLower(words[0])}
		if len(words) > 1 {
			switch strings.ToLower(words[1]) {
			case "desc":
				srt.Desc = true
			case "asc":
			default:
				return nil, overlook.Invalid("sorts", "invalid", "%q is not a sort direction", words[1])
			}
		}
		if !ok(srt.Field) {
			return nil, overlook.Invalid("sorts", "invalid", "cannot sort on %q", srt.Field)
		}
		out = append(out, srt)
	}
	return out, nil
}
