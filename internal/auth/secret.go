// Package auth logs API clients in and out: API3 credentials, access tokens,
// sudo (login_user), and the cache that turns a token into a principal.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// argon2id parameters (OWASP's minimum profile: 19 MiB, two passes).
const (
	argonMemory  = 19 * 1024
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

var b64 = base64.RawStdEncoding

// HashSecret hashes a password or an API secret with argon2id, in the PHC
// string format.
func HashSecret(secret string) string {
	salt := make([]byte, argonSaltLen)
	_, _ = rand.Read(salt)
	key := argon2.IDKey([]byte(secret), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// VerifySecret reports whether secret matches a hash made by HashSecret.
func VerifySecret(hash, secret string) bool {
	var mem, iters uint32
	var threads uint8
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &mem, &iters, &threads); err != nil {
		return false
	}
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err := errors.Join(err1, err2); err != nil || mem > 1<<20 || iters > 10 || threads == 0 {
		return false
	}
	got := argon2.IDKey([]byte(secret), salt, iters, mem, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is verified against when a client_id is unknown, so that known
// and unknown ids cost the same time.
var dummyHash = HashSecret("overlook-dummy-secret")

// RandomString returns n characters of [A-Za-z0-9] from crypto/rand.
func RandomString(n int) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	buf := make([]byte, n)
	out := make([]byte, n)
	_, _ = rand.Read(buf)
	for i := range buf {
		// 62 does not divide 256; the bias of a byte mod 62 is under 2%,
		// harmless for identifiers whose entropy is already > 120 bits.
		out[i] = alphabet[int(buf[i])%len(alphabet)]
	}
	return string(out)
}

// NewToken returns a fresh access token (32 random bytes) and its SHA-256.
func NewToken() (token string, hash []byte) {
	raw := make([]byte, 32)
	_, _ = rand.Read(raw)
	token = base64.RawURLEncoding.EncodeToString(raw)
	return token, HashToken(token)
}

// HashToken is how tokens are stored and looked up.
func HashToken(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}
