package auth

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

// validVerifier checks a PKCE code_verifier: 43 to 128 characters from
// A-Z a-z 0-9 - . _ ~ (RFC 7636 §4.1).
func validVerifier(v string) bool {
	if len(v) < 43 || len(v) > 128 {
		return false
	}
	for _, c := range []byte(v) {
		if !isUnreserved(c) {
			return false
		}
	}
	return true
}

func isUnreserved(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}

// validChallenge checks the shape of an S256 code_challenge in one of the
// encodings the SDKs send: 64 hex digits, or 43/44 characters of base64 or
// base64url (with or without padding).
func validChallenge(c string) bool {
	if len(c) != 64 && len(c) != 43 && len(c) != 44 {
		return false
	}
	for _, ch := range []byte(c) {
		if !isUnreserved(ch) && ch != '+' && ch != '/' && ch != '=' {
			return false
		}
	}
	return true
}

// challengeMatches reports whether challenge is SHA-256(verifier) in any
// encoding the official SDKs use: base64url without padding (RFC 7636),
// base64url with padding (TypeScript), hex (Python), standard base64.
func challengeMatches(challenge, verifier string) bool {
	sum := sha256.Sum256([]byte(verifier))
	candidates := []string{
		base64.RawURLEncoding.EncodeToString(sum[:]),
		base64.URLEncoding.EncodeToString(sum[:]),
		base64.StdEncoding.EncodeToString(sum[:]),
		base64.RawStdEncoding.EncodeToString(sum[:]),
		hex.EncodeToString(sum[:]),
	}
	if len(challenge) == 64 {
		challenge = strings.ToLower(challenge)
	}
	match := 0
	for _, c := range candidates {
		match |= subtle.ConstantTimeCompare([]byte(c), []byte(challenge))
	}
	return match == 1
}
