package login

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"

	"github.com/overlookbi/overlook/internal/auth"
)

// maxTokenBody bounds the body of a token request.
const maxTokenBody = 64 << 10

// token is POST /api/token: the authorization_code and refresh_token
// grants, with a JSON body (what the SDKs send) or a form.
func (h *Handler) token(w http.ResponseWriter, r *http.Request) {
	req, err := tokenRequest(r)
	if err != nil {
		writeTokenError(w, &auth.OAuthError{Code: "invalid_request", Description: err.Error()})
		return
	}
	res, err := h.cfg.OAuth.Token(r.Context(), req)
	if err != nil {
		var oe *auth.OAuthError
		if errors.As(err, &oe) {
			writeTokenError(w, oe)
			return
		}
		h.cfg.Logger.Error("token endpoint", "err", err)
		writeTokenJSON(w, http.StatusInternalServerError, map[string]string{"error": "server_error", "message": "Internal error."})
		return
	}
	writeTokenJSON(w, http.StatusOK, map[string]any{"access_token": res.AccessToken, "token_type": "Bearer",
		"expires_in": res.ExpiresIn, "refresh_token": res.RefreshToken})
}

func tokenRequest(r *http.Request) (*auth.TokenRequest, error) {
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxTokenBody))
	if err != nil {
		return nil, errors.New("the body is too large or unreadable")
	}
	v := url.Values{}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "application/json" {
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			return nil, errors.New("the body is not a JSON object")
		}
		for k, x := range m {
			switch x := x.(type) {
			case string:
				v.Set(k, x)
			case nil:
			default:
				v.Set(k, fmt.Sprint(x))
			}
		}
	} else if v, err = url.ParseQuery(string(body)); err != nil {
		return nil, errors.New("the form body is malformed")
	}
	return &auth.TokenRequest{GrantType: v.Get("grant_type"), ClientID: v.Get("client_id"), Code: v.Get("code"),
		CodeVerifier: v.Get("code_verifier"), RedirectURI: v.Get("redirect_uri"), RefreshToken: v.Get("refresh_token")}, nil
}

// writeTokenError answers with RFC 6749's error body, plus the message
// field Looker's SDKs show.
func writeTokenError(w http.ResponseWriter, e *auth.OAuthError) {
	status := http.StatusBadRequest
	if e.Code == "invalid_client" {
		status = http.StatusUnauthorized
	}
	writeTokenJSON(w, status, map[string]string{"error": e.Code, "error_description": e.Description, "message": e.Description})
}

func writeTokenJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Pragma", "no-cache")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
