// Package apierr writes Looker's Error and ValidationError bodies, and turns
// domain errors into HTTP statuses in one place.
package apierr

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/overlook"
)

// DocsURL is where documentation_url points. It deliberately does not match
// the Looker docs pattern the Python SDK would try to fetch.
const DocsURL = "https://github.com/overlookbi/overlook/blob/main/docs/errors.md"

// LookerError is Looker's Error body, or its ValidationError body when
// Errors is set. It is the body huma writes for every error.
type LookerError struct {
	Message          string                  `json:"message"`
	Errors           []ValidationErrorDetail `json:"errors,omitempty"`
	DocumentationURL string                  `json:"documentation_url"`
	status           int
	headers          http.Header
}

// ValidationErrorDetail is one problem of a ValidationError.
type ValidationErrorDetail struct {
	Field            string `json:"field,omitempty"`
	Code             string `json:"code,omitempty"`
	Message          string `json:"message,omitempty"`
	DocumentationURL string `json:"documentation_url"`
}

func (e *LookerError) Error() string  { return e.Message }
func (e *LookerError) GetStatus() int { return e.status }

// GetHeaders lets huma add headers (Retry-After) to an error response.
func (e *LookerError) GetHeaders() http.Header { return e.headers }

// ContentType keeps error bodies application/json (huma would otherwise
// choose application/problem+json).
func (e *LookerError) ContentType(string) string { return "application/json" }

// New returns an error body with a message fitting the status.
func New(status int, msg string) *LookerError {
	return &LookerError{Message: msg, DocumentationURL: docsFor(status), status: status}
}

func docsFor(status int) string { return DocsURL + "#" + strconv.Itoa(status) }

// Install makes huma build Looker bodies for every error it writes,
// validation failures included. huma.NewError is a package global: call
// Install once, before any API is built.
func Install() {
	huma.NewError = newHumaError
	huma.NewErrorWithContext = func(_ huma.Context, status int, msg string, errs ...error) huma.StatusError {
		return newHumaError(status, msg, errs...)
	}
}

func newHumaError(status int, msg string, errs ...error) huma.StatusError {
	var details []ValidationErrorDetail
	for _, err := range errs {
		if err == nil {
			continue
		}
		details = append(details, detailOf(err)...)
	}
	if status == http.StatusUnprocessableEntity || (status == http.StatusBadRequest && len(details) > 0) {
		status = http.StatusUnprocessableEntity
		msg = "Validation Failed"
	}
	if msg == "" {
		msg = http.StatusText(status)
	}
	e := New(status, msg)
	e.Errors = details
	return e
}

func detailOf(err error) []ValidationErrorDetail {
	var oe *overlook.Error
	if errors.As(err, &oe) {
		return fieldDetails(oe)
	}
	var hd *huma.ErrorDetail
	if errors.As(err, &hd) {
		field := strings.TrimPrefix(strings.TrimPrefix(hd.Location, "body."), "query.")
		field = strings.TrimPrefix(field, "path.")
		return []ValidationErrorDetail{{Field: field, Code: "invalid", Message: hd.Message, DocumentationURL: docsFor(422)}}
	}
	return []ValidationErrorDetail{{Code: "invalid", Message: err.Error(), DocumentationURL: docsFor(422)}}
}

func fieldDetails(oe *overlook.Error) []ValidationErrorDetail {
	var out []ValidationErrorDetail
	for _, d := range oe.Details {
		out = append(out, ValidationErrorDetail{Field: d.Field, Code: d.Code, Message: d.Message, DocumentationURL: docsFor(422)})
	}
	if len(out) == 0 {
		out = append(out, ValidationErrorDetail{Field: oe.Field, Code: "invalid", Message: oe.Message, DocumentationURL: docsFor(422)})
	}
	return out
}

var statusOf = map[string]int{
	overlook.EINVALID:      http.StatusUnprocessableEntity,
	overlook.EBADREQUEST:   http.StatusBadRequest,
	overlook.ENOTFOUND:     http.StatusNotFound,
	overlook.ECONFLICT:     http.StatusConflict,
	overlook.EFORBIDDEN:    http.StatusForbidden,
	overlook.EUNAUTHORIZED: http.StatusUnauthorized,
	overlook.ENOTALLOWED:   http.StatusMethodNotAllowed,
	overlook.ETOOMANY:      http.StatusTooManyRequests,
}

// From turns any error a service returned into the body and status the
// client sees. Errors that are not *overlook.Error are bugs: they are logged
// and reach the client as a bare 500.
func From(err error) *LookerError {
	var le *LookerError
	if errors.As(err, &le) {
		return le
	}
	var oe *overlook.Error
	if !errors.As(err, &oe) {
		slog.Error("internal error", "err", err)
		return New(http.StatusInternalServerError, "Internal error.")
	}
	status, ok := statusOf[oe.Code]
	if !ok {
		slog.Error("internal error", "err", err)
		return New(http.StatusInternalServerError, "Internal error.")
	}
	if status == http.StatusUnprocessableEntity {
		e := New(status, "Validation Failed")
		e.Errors = fieldDetails(oe)
		return e
	}
	e := New(status, oe.Message)
	if status == http.StatusTooManyRequests {
		e.headers = http.Header{"Retry-After": []string{"60"}}
	}
	return e
}

// Write writes an error body outside huma (router-level handlers).
func Write(w http.ResponseWriter, e *LookerError) {
	for k, v := range e.headers {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(e.status)
	_ = json.NewEncoder(w).Encode(e)
}
