package login

import (
	"net/http"

	"github.com/overlookbi/overlook/internal/auth"
	"github.com/overlookbi/overlook/internal/overlook"
)

// resetForm is GET /password/reset/{token}: the form to choose a password.
func (h *Handler) resetForm(w http.ResponseWriter, r *http.Request) {
	h.render(w, http.StatusOK, "reset", &page{Title: "Choose a password", MinLength: auth.MinPasswordLength})
}

// reset is POST /password/reset/{token}: it sets the password and spends
// the token.
func (h *Handler) reset(w http.ResponseWriter, r *http.Request) {
	password := r.PostFormValue("password")
	if password != r.PostFormValue("password_confirm") {
		h.render(w, http.StatusBadRequest, "reset", &page{Title: "Choose a password", MinLength: auth.MinPasswordLength,
			Error: "The two passwords differ."})
		return
	}
	err := h.cfg.Auth.ResetPassword(r.Context(), r.PathValue("token"), password)
	switch {
	case overlook.ErrorCode(err) == overlook.EINVALID:
		h.render(w, http.StatusBadRequest, "reset", &page{Title: "Choose a password", MinLength: auth.MinPasswordLength,
			Error: message(err)})
	case err != nil:
		h.fail(w, err)
	default:
		h.render(w, http.StatusOK, "message", &page{Title: "Password set", Message: "Your password is set.",
			Link: "/login", LinkText: "Log in"})
	}
}
