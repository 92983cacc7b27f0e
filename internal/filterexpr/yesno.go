package filterexpr

import "strings"

// ParseYesNo reads a yesno filter: "yes" or "no", in any case. The field's
// SQL is a condition, so yes is the condition itself and no is its
// negation, NULL included.
func ParseYesNo(expr string) (Predicate, error) {
	if err := checkText("yesno", expr); err != nil {
		return nil, err
	}
	switch strings.ToLower(strings.TrimSpace(expr)) {
	case "":
		return Any{}, nil
	case "yes":
		return IsTrue{}, nil
	case "no":
		return orNull(Not{IsTrue{}}), nil
	}
	at := len(expr) - len(strings.TrimLeft(expr, " \t\r\n"))
	return nil, syntaxErr("yesno", expr, at, "expected yes or no")
}
