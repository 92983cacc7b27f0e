package overlook

import (
	"errors"
	"fmt"
)

// Error kinds. The HTTP layer maps each kind to one status in one place.
const (
	EINVALID      = "invalid"      // input fails validation: 422
	EBADREQUEST   = "bad_request"  // malformed request: 400
	ENOTFOUND     = "not_found"    // missing, or hidden from the caller: 404
	ECONFLICT     = "conflict"     // already exists: 409
	EFORBIDDEN    = "forbidden"    // visible but not allowed: 403
	EUNAUTHORIZED = "unauthorized" // no valid credentials: 401
	ENOTALLOWED   = "not_allowed"  // built-in objects can't be modified: 405
	ETOOMANY      = "too_many"     // rate limited: 429
	EINTERNAL     = "internal"     // a bug: 500
)

// Error is an error a client may see. Message is safe to show; Field names
// the offending input for validation errors.
type Error struct {
	Code    string
	Message string
	Field   string
	// Details lists further validation problems, each naming a field.
	Details []FieldError
}

// FieldError is one validation problem.
type FieldError struct {
	Field   string
	Code    string
	Message string
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("overlook %s: %s: %s", e.Code, e.Field, e.Message)
	}
	return fmt.Sprintf("overlook %s: %s", e.Code, e.Message)
}

// Errorf returns an *Error of the given kind.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid reports a validation failure of one field.
func Invalid(field, code, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	return &Error{Code: EINVALID, Message: "Validation Failed", Field: field,
		Details: []FieldError{{Field: field, Code: code, Message: msg}}}
}

// NotFound is the error for a missing or hidden object.
func NotFound() *Error { return &Error{Code: ENOTFOUND, Message: "Not found"} }

// ErrorCode returns the kind of err, EINTERNAL for errors that are not *Error.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// IsNotFound reports whether err is of kind ENOTFOUND.
func IsNotFound(err error) bool { return err != nil && ErrorCode(err) == ENOTFOUND }
