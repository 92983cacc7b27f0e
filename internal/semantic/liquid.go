package semantic

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/osteele/liquid"
	"github.com/osteele/liquid/parser"
	"github.com/osteele/liquid/render"

	"github.com/overlookbi/overlook/internal/lookml"
)

// outputTag replaces Liquid's {{ … }} so that every value written into SQL
// goes through one place that decides: paste (model text), bind (anything
// else) or escape (HTML). The osteele engine has no hook on object output,
// so templates are rewritten before they are parsed.
const outputTag = "ovl_out"

// sessionKey holds the render session in the bindings; no Liquid
// identifier can spell it, so templates cannot read or replace it.
const sessionKey = "\x00session"

var (
	engineOnce sync.Once
	engine     *liquid.Engine
)

func liquidEngine() *liquid.Engine {
	engineOnce.Do(func() {
		e := liquid.NewEngine()
		// include reads files from the server's disk: never from a model.
		e.RegisterTag("include", func(render.Context) (string, error) {
			return "", errors.New("the include tag is not available in LookML")
		})
		e.RegisterTag(outputTag, outputValue)
		e.RegisterTag("parameter", parameterTag)
		e.RegisterTag("date_start", dateBoundTag(true))
		e.RegisterTag("date_end", dateBoundTag(false))
		e.RegisterBlock("condition", conditionTag)
		engine = e
	})
	return engine
}

// hasLiquid reports text that needs rendering.
func hasLiquid(text string) bool {
	return strings.Contains(text, "{{") || strings.Contains(text, "{%")
}

// rewriteOutputs turns each {{ expr }} into {% ovl_out expr %}, keeping
// whitespace control, and leaves raw and comment blocks alone.
func rewriteOutputs(src string) string {
	var b strings.Builder
	verbatim := ""
	for _, tok := range parser.Scan(src, parser.SourceLoc{}, nil) {
		switch tok.Type {
		case parser.TagTokenType:
			if verbatim == "" && (tok.Name == "raw" || tok.Name == "comment") {
				verbatim = "end" + tok.Name
			} else if tok.Name == verbatim {
				verbatim = ""
			}
			b.WriteString(tok.Source)
		case parser.ObjTokenType:
			if verbatim != "" {
				b.WriteString(tok.Source)
				continue
			}
			left, right := "{%", "%}"
			if strings.HasPrefix(tok.Source, "{{-") {
				left = "{%-"
			}
			if strings.HasSuffix(tok.Source, "-}}") {
				right = "-%}"
			}
			b.WriteString(left + " " + outputTag + " " + tok.Args + " " + right)
		default:
			b.WriteString(tok.Source)
		}
	}
	return b.String()
}

// parse returns the template for model text, parsed once per model.
func (m *Model) parse(t Template) (*liquid.Template, error) {
	if cached, ok := m.liquid.Load(t.Text); ok {
		return cached.(*liquid.Template), nil
	}
	tpl, err := liquidEngine().ParseTemplateLocation([]byte(rewriteOutputs(t.Text)), t.Pos.File, t.Pos.Line)
	if err != nil {
		return nil, &lookml.Error{Pos: t.Pos, Msg: "liquid: " + err.Error()}
	}
	m.liquid.Store(t.Text, tpl)
	return tpl, nil
}

// renderLiquid renders a template for a session; text without Liquid is
// returned as it is.
func (m *Model) renderLiquid(t Template, s *session) (string, error) {
	if !hasLiquid(t.Text) {
		return t.Text, nil
	}
	tpl, err := m.parse(t)
	if err != nil {
		return "", err
	}
	out, serr := tpl.RenderString(s.bindings())
	if serr != nil {
		return "", liquidError(t, serr)
	}
	return out, nil
}

// liquidError keeps a ValueError as it is (the query's fault) and turns
// anything else into a model error at the template.
func liquidError(t Template, err liquid.SourceError) error {
	var cause error = err
	for cause != nil {
		var ve *ValueError
		if errors.As(cause, &ve) {
			return ve
		}
		c, ok := cause.(interface{ Cause() error })
		if !ok {
			break
		}
		cause = c.Cause()
	}
	return &lookml.Error{Pos: t.Pos, Msg: fmt.Sprintf("liquid: %v", err)}
}
