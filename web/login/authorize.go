package login

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"

	"github.com/overlookbi/overlook/internal/auth"
	"github.com/overlookbi/overlook/internal/store"
)

// authParams are the parameters of an authorization request, carried from
// /auth through the login and consent forms.
var authParams = []string{"response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method"}

func authRequest(v url.Values) *auth.AuthRequest {
	return &auth.AuthRequest{ResponseType: v.Get("response_type"), ClientID: v.Get("client_id"),
		RedirectURI: v.Get("redirect_uri"), Scope: v.Get("scope"), State: v.Get("state"),
		CodeChallenge: v.Get("code_challenge"), CodeChallengeMethod: v.Get("code_challenge_method")}
}

func authValues(v url.Values) url.Values {
	out := url.Values{}
	for _, name := range authParams {
		if x := v.Get(name); x != "" {
			out.Set(name, x)
		}
	}
	return out
}

// authorize is GET /auth: it checks the client and its redirect URI, sends
// a visitor without a session to the login form, and shows the consent
// form to one with a session.
func (h *Handler) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	req := authRequest(q)
	app, ok := h.checkClient(w, r, req)
	if !ok {
		return
	}
	if err := auth.CheckRequest(req); err != nil {
		redirectError(w, r, req, err)
		return
	}
	s := h.session(r)
	if s == nil {
		back := "/auth?" + authValues(q).Encode()
		http.Redirect(w, r, "/login?"+url.Values{"return_to": {back}}.Encode(), http.StatusFound)
		return
	}
	fields := []field{{"csrf_token", consentToken(r, req)}}
	for name, v := range authValues(q) {
		fields = append(fields, field{name, v[0]})
	}
	origin, _ := url.Parse(app.RedirectURI)
	h.render(w, http.StatusOK, "consent", &page{Title: "Allow access?", App: app.DisplayName, Description: app.Description,
		User: displayName(s), RedirectOrigin: origin.Scheme + "://" + origin.Host, Fields: fields})
}

// consent is POST /auth, the answer of the consent form.
func (h *Handler) consent(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		h.render(w, http.StatusBadRequest, "message", &page{Title: "Error", Error: "The form could not be read."})
		return
	}
	req := authRequest(r.PostForm)
	app, ok := h.checkClient(w, r, req)
	if !ok {
		return
	}
	s := h.session(r)
	if s == nil {
		back := "/auth?" + authValues(r.PostForm).Encode()
		http.Redirect(w, r, "/login?"+url.Values{"return_to": {back}}.Encode(), http.StatusSeeOther)
		return
	}
	if !hmac.Equal([]byte(r.PostFormValue("csrf_token")), []byte(consentToken(r, req))) {
		h.render(w, http.StatusForbidden, "message", &page{Title: "Error", Error: "The consent form has expired. Start again from the app."})
		return
	}
	if r.PostFormValue("decision") != "approve" {
		redirectError(w, r, req, &auth.OAuthError{Code: "access_denied", Description: "the user denied access"})
		return
	}
	code, err := h.cfg.OAuth.IssueCode(r.Context(), app, s.UserID(), req)
	if err != nil {
		var oe *auth.OAuthError
		if errors.As(err, &oe) {
			redirectError(w, r, req, err)
			return
		}
		h.fail(w, err)
		return
	}
	redirectTo(w, r, req, url.Values{"code": {code}})
}

// checkClient shows a page for an unknown client or a redirect URI that
// is not the registered one: nothing is ever sent to an unchecked URI.
func (h *Handler) checkClient(w http.ResponseWriter, r *http.Request, req *auth.AuthRequest) (*store.OAuthApp, bool) {
	app, err := h.cfg.OAuth.CheckClient(r.Context(), req)
	if err == nil {
		return app, true
	}
	var oe *auth.OAuthError
	if !errors.As(err, &oe) {
		h.fail(w, err)
		return nil, false
	}
	h.render(w, http.StatusBadRequest, "message", &page{Title: "This app can't sign in",
		Error: oe.Description + ".", Message: "Ask the app's owner to check its OAuth registration."})
	return nil, false
}

// consentToken binds the consent form to the session and the client: a
// page that cannot read the session cookie cannot forge it.
func consentToken(r *http.Request, req *auth.AuthRequest) string {
	c, err := r.Cookie(SessionCookie)
	if err != nil {
		return ""
	}
	m := hmac.New(sha256.New, []byte(c.Value))
	m.Write([]byte("consent\x00" + req.ClientID + "\x00" + req.RedirectURI + "\x00" + req.CodeChallenge))
	return hex.EncodeToString(m.Sum(nil))
}

// redirectError sends an OAuth error to the (checked) redirect URI.
func redirectError(w http.ResponseWriter, r *http.Request, req *auth.AuthRequest, err error) {
	code, desc := "server_error", "the request failed"
	var oe *auth.OAuthError
	if errors.As(err, &oe) {
		code, desc = oe.Code, oe.Description
	}
	redirectTo(w, r, req, url.Values{"error": {code}, "error_description": {desc}})
}

// redirectTo sends the browser to the registered redirect URI with params
// and the client's state added to its query.
func redirectTo(w http.ResponseWriter, r *http.Request, req *auth.AuthRequest, params url.Values) {
	u, err := url.Parse(req.RedirectURI)
	if err != nil {
		http.Error(w, "bad redirect_uri", http.StatusBadRequest)
		return
	}
	q := u.Query()
	for k, v := range params {
		q[k] = v
	}
	if req.State != "" {
		q.Set("state", req.State)
	}
	u.RawQuery = q.Encode()
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	http.Redirect(w, r, u.String(), http.StatusFound)
}
