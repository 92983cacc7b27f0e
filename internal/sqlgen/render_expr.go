package sqlgen

import (
	"fmt"
	"math"
	"strconv"
)

func (r *renderer) col(c Col) error {
	if c.Table != "" {
		if err := r.ident(c.Table); err != nil {
			return err
		}
		r.b.WriteByte('.')
	}
	return r.ident(c.Name)
}

func (r *renderer) star(s Star) error {
	if s.Table != "" {
		if err := r.ident(s.Table); err != nil {
			return err
		}
		r.b.WriteByte('.')
	}
	r.b.WriteByte('*')
	return nil
}

// literal writes a model constant.
func (r *renderer) literal(v any) error {
	switch v := v.(type) {
	case nil:
		r.b.WriteString("NULL")
	case bool:
		if v {
			r.b.WriteString(r.s.True)
		} else {
			r.b.WriteString(r.s.False)
		}
	case int:
		r.b.WriteString(strconv.Itoa(v))
	case int64:
		r.b.WriteString(strconv.FormatInt(v, 10))
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("sqlgen: literal %v has no SQL form", v)
		}
		r.b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	case string:
		q, err := r.d.StringLiteral(v)
		r.b.WriteString(q)
		return err
	default:
		return fmt.Errorf("sqlgen: literal of type %T (bind request values as Param)", v)
	}
	return nil
}

// isFuncName accepts plain and dotted names: SUM, my_udf, schema.fn.
func isFuncName(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		digit := '0' <= c && c <= '9'
		if !letter && !(i > 0 && (digit || c == '.' && s[i-1] != '.')) {
			return false
		}
	}
	return true
}

func (r *renderer) call(f Func) error {
	if !isFuncName(f.Name) {
		return fmt.Errorf("sqlgen: bad function name %q", f.Name)
	}
	r.b.WriteString(f.Name)
	r.b.WriteByte('(')
	if err := list(r, f.Args, ", ", r.expr); err != nil {
		return err
	}
	r.b.WriteByte(')')
	return nil
}

var binaryOps = map[Op]bool{OpAdd: true, OpSub: true, OpMul: true, OpDiv: true, OpMod: true,
	OpEq: true, OpNe: true, OpLt: true, OpLe: true, OpGt: true, OpGe: true}

func (r *renderer) binary(n Binary) error {
	if !binaryOps[n.Op] {
		return fmt.Errorf("sqlgen: unknown operator %q", n.Op)
	}
	if n.Op == OpMod {
		// MOD() is spelled the same everywhere; % is not (BigQuery lacks it).
		return r.call(Func{Name: "MOD", Args: []Expr{n.L, n.R}})
	}
	if err := r.wrap("(", n.L, " "+string(n.Op)+" "); err != nil {
		return err
	}
	return r.wrap("", n.R, ")")
}

func (r *renderer) caseExpr(c Case) error {
	if len(c.Whens) == 0 {
		return fmt.Errorf("sqlgen: CASE without WHEN")
	}
	r.b.WriteString("CASE")
	if c.Operand != nil {
		if err := r.wrap(" ", c.Operand, ""); err != nil {
			return err
		}
	}
	for _, w := range c.Whens {
		if err := r.wrap(" WHEN ", w.Cond, " THEN "); err != nil {
			return err
		}
		if err := r.expr(w.Then); err != nil {
			return err
		}
	}
	if c.Else != nil {
		if err := r.wrap(" ELSE ", c.Else, ""); err != nil {
			return err
		}
	}
	r.b.WriteString(" END")
	return nil
}

func (r *renderer) cast(c Cast) error {
	name, ok := r.s.Types[c.Type]
	if !ok {
		return fmt.Errorf("sqlgen: dialect %s has no name for type %d", r.d.Name(), c.Type)
	}
	return r.wrap("CAST(", c.X, " AS "+name+")")
}
