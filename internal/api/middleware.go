package api

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"path"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/apierr"
	"github.com/overlookbi/overlook/internal/api/looker40"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/overlook"
)

// cleanPath answers a path with doubled slashes (a base_url ending in "/"
// makes the SDKs request //api/4.0/…) with a 307 to the clean path: 307
// keeps the method, body and Authorization, so even login follows it.
func cleanPath(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p := r.URL.Path; strings.Contains(p, "//") {
			clean := path.Clean(p)
			if strings.HasSuffix(p, "/") && clean != "/" {
				clean += "/"
			}
			u := *r.URL
			u.Path, u.RawPath = clean, ""
			http.Redirect(w, r, u.RequestURI(), http.StatusTemporaryRedirect)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// arrayParams are Looker's array query parameters (style simple, explode
// false). The SDKs send them as a,b (TypeScript, Python), "a,b" with the
// quotes (Go) or ["a","b"]; normalizeArrays rewrites the last two into the
// first before huma splits the value on commas.
var arrayParams = []string{"ids", "user_attribute_ids", "query_task_ids", "dashboard_ids", "tests", "project_names", "space_ids"}

func normalizeArrays(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.RawQuery != "" {
			q := r.URL.Query()
			changed := false
			for _, name := range arrayParams {
				v, ok := q[name]
				if !ok || len(v) != 1 || !strings.ContainsAny(v[0], `"[`) {
					continue
				}
				list, err := looker40.ParseDelimList(v[0])
				if err != nil {
					continue // huma reports the malformed value
				}
				q.Set(name, strings.Join(list, ","))
				changed = true
			}
			if changed {
				r.URL.RawQuery = q.Encode()
			}
		}
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers the status of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach Flush and deadlines.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// observe logs one line per request, counts it in the metrics, and audits
// mutating requests. It never logs the query string: login may carry
// credentials there.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &requestinfo.Info{}
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r.WithContext(requestinfo.With(r.Context(), info)))
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		d := time.Since(start)
		s.metrics.observe(info.Operation, sw.status, d)
		s.cfg.Logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method), slog.String("path", loggedPath(r.URL.Path)),
			slog.String("operation", info.Operation), slog.Int("status", sw.status),
			slog.Duration("duration", d), slog.Int64("user", info.UserID))
		if info.Operation != "" && (info.Audit || mutating(r.Method) && !queryRuns[info.Operation]) && s.cfg.Backend.Audit != nil {
			s.cfg.Backend.Audit.Record(overlook.AuditEvent{CreatedAt: start, UserID: info.UserID, SudoUserID: info.SudoUserID,
				Operation: info.Operation, ObjectType: info.ObjectType, ObjectID: info.ObjectID, Status: sw.status})
		}
	})
}

// secretPaths are path prefixes whose last segment is a secret (a
// password-reset token): the log shows the prefix only.
var secretPaths = []string{"/password/reset/"}

func loggedPath(p string) string {
	for _, prefix := range secretPaths {
		if strings.HasPrefix(p, prefix) {
			return prefix + "…"
		}
	}
	return p
}

func mutating(method string) bool {
	return method != http.MethodGet && method != http.MethodHead && method != http.MethodOptions
}

// recoverer turns a panic into a logged 500 with a Looker error body.
func recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				slog.Error("panic", "value", v, "stack", string(debug.Stack()))
				apierr.Write(w, apierr.New(http.StatusInternalServerError, "Internal error."))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// authenticate resolves the token of every operation that is not public and
// checks the permission the operation declares.
func (s *Server) authenticate(ctx huma.Context, next func(huma.Context)) {
	op := ctx.Operation()
	info := requestinfo.From(ctx.Context())
	u := ctx.URL()
	info.URL, info.Host, info.Operation = &u, ctx.Host(), op.OperationID
	perm, _ := op.Metadata[looker40.MetaPermission].(string)
	if perm == access.Public {
		next(ctx)
		return
	}
	token := bearerToken(ctx.Header("Authorization"))
	if token == "" {
		_ = huma.WriteErr(s.api, ctx, http.StatusUnauthorized, "Requires authentication.")
		return
	}
	p, err := s.cfg.Backend.Auth.Authenticate(ctx.Context(), token)
	if err != nil {
		e := apierr.From(err)
		_ = huma.WriteErr(s.api, ctx, e.GetStatus(), e.Message)
		return
	}
	info.UserID, info.SudoUserID = p.UserID(), p.SudoUserID
	self := false
	if param, _ := op.Metadata[looker40.MetaSelf].(string); param != "" {
		self = ctx.Param(param) == strconv.FormatInt(p.UserID(), 10)
	}
	if !access.Allows(p, perm, self) {
		_ = huma.WriteErr(s.api, ctx, http.StatusForbidden, "Permission Denied")
		return
	}
	next(huma.WithContext(ctx, overlook.WithPrincipal(ctx.Context(), p)))
	// A change may alter what principals derive (roles, groups, attributes,
	// the user record): drop them all rather than track each dependency.
	if mutating(ctx.Method()) && !queryRuns[op.OperationID] && !queryCreations[op.OperationID] && ctx.Status() < 400 {
		s.cfg.Backend.Auth.Invalidate()
	}
}

// queryRuns are the POST operations that only run a query: they change
// nothing, so they are not audited (the query history records each run)
// and keep the cached principals (dropping them made every run read the
// caller's user, grants and attributes again).
var queryRuns = map[string]bool{"run_inline_query": true, "run_sql_query": true}

// queryCreations store a query or a query task: audited, but nothing a
// principal is derived from changes.
var queryCreations = map[string]bool{"create_query": true, "create_query_task": true, "create_sql_query": true}

// bearerToken reads "Bearer <t>" or "token <t>", scheme in any case.
func bearerToken(h string) string {
	scheme, token, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok {
		return ""
	}
	if !strings.EqualFold(scheme, "bearer") && !strings.EqualFold(scheme, "token") {
		return ""
	}
	return strings.TrimSpace(token)
}

// projectFields applies the fields parameter to successful JSON answers.
func projectFields(ctx huma.Context, status string, v any) (any, error) {
	if !strings.HasPrefix(status, "2") {
		return v, nil
	}
	fields := ctx.Query("fields")
	if strings.TrimSpace(fields) == "" || v == nil {
		return v, nil
	}
	if _, isBytes := v.([]byte); isBytes {
		return v, nil
	}
	doc, err := json.Marshal(v)
	if err != nil {
		return v, err
	}
	projected, err := project(doc, parseFields(fields))
	if err != nil {
		return v, err
	}
	return json.RawMessage(projected), nil
}
