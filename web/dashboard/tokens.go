package dashboard

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"sync"
	"time"
)

// TokenLife is how long a page waits for the browser to ask for it.
const TokenLife = 2 * time.Minute

// pages holds prepared pages until the browser asks for them. A token is
// random, kept only as its SHA-256, bound to one page (one user's render
// of one object), good once, and gone after TokenLife.
type pages struct {
	mu  sync.Mutex
	m   map[[32]byte]heldPage
	now func() time.Time
}

type heldPage struct {
	page    Page
	expires time.Time
}

func newPages() *pages {
	return &pages{m: map[[32]byte]heldPage{}, now: time.Now}
}

// put keeps page and returns its token.
func (p *pages) put(page Page) string {
	var b [32]byte
	_, _ = rand.Read(b[:])
	token := base64.RawURLEncoding.EncodeToString(b[:])
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	for k, h := range p.m {
		if now.After(h.expires) {
			delete(p.m, k)
		}
	}
	p.m[sha256.Sum256([]byte(token))] = heldPage{page: page, expires: now.Add(TokenLife)}
	return token
}

// take returns the page of token and forgets it.
func (p *pages) take(token string) (Page, bool) {
	key := sha256.Sum256([]byte(token))
	p.mu.Lock()
	defer p.mu.Unlock()
	h, ok := p.m[key]
	delete(p.m, key)
	if !ok || p.now().After(h.expires) {
		return Page{}, false
	}
	return h.page, true
}

// drop forgets token (the render is over, whether or not it was used).
func (p *pages) drop(token string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.m, sha256.Sum256([]byte(token)))
}
