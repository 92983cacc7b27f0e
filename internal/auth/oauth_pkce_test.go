package auth

import (
	"strings"
	"testing"
)

// RFC 7636 appendix B's verifier and its S256 challenge in each encoding
// the SDKs send.
const (
	rfcVerifier  = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
	rfcChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
)

func TestChallengeEncodings(t *testing.T) {
	hexDigest := "13d31e961a1ad8ec2f16b10c4c982e0876a878ad6df144566ee1894acb70f9c3"
	for name, c := range map[string]struct {
		challenge string
		want      bool
	}{
		"base64url":           {rfcChallenge, true},
		"base64url padded":    {rfcChallenge + "=", true},
		"base64":              {"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM", true},
		"base64 padded":       {"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM=", true},
		"hex":                 {hexDigest, true},
		"hex upper":           {strings.ToUpper(hexDigest), true},
		"plain":               {rfcVerifier, false},
		"other digest":        {"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cN", false},
		"truncated":           {rfcChallenge[:42], false},
		"empty":               {"", false},
		"hex of other string": {strings.Repeat("0", 64), false},
	} {
		if got := challengeMatches(c.challenge, rfcVerifier); got != c.want {
			t.Errorf("%s: %v, want %v", name, got, c.want)
		}
		if c.want && !validChallenge(c.challenge) {
			t.Errorf("%s: shape refused", name)
		}
	}
}

func TestVerifierShape(t *testing.T) {
	for v, want := range map[string]bool{
		rfcVerifier:                   true,
		strings.Repeat("a", 43):       true,
		strings.Repeat("~", 128):      true,
		strings.Repeat("a", 42):       false,
		strings.Repeat("a", 129):      false,
		strings.Repeat("a", 42) + "+": false,
		strings.Repeat("a", 42) + " ": false,
		strings.Repeat("é", 30):       false,
	} {
		if got := validVerifier(v); got != want {
			t.Errorf("%q: %v, want %v", v, got, want)
		}
	}
}

func TestAllowlistEntries(t *testing.T) {
	s := &originSet{exact: map[string]bool{}}
	for _, e := range []string{"https://a.example.com/", "b.example.com", "https://*.c.example.com", "*", "https://x.example/path"} {
		s.add(e)
	}
	if !s.exact["https://a.example.com"] || !s.exact["https://b.example.com"] || len(s.exact) != 2 ||
		len(s.suffixes) != 1 || s.suffixes[0] != "https://.c.example.com" {
		t.Fatalf("%v %v", s.exact, s.suffixes)
	}
}
