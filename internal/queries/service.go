package queries

import (
	"context"
	"crypto/rand"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// Service stores and finds queries. It keeps no state but the store, so
// New is cheap.
type Service struct{ st *store.Store }

// New returns the service over st.
func New(st *store.Store) *Service { return &Service{st: st} }

const (
	slugLength     = 7
	clientIDLength = 22
	slugAttempts   = 5
	alphabet       = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
)

// Create stores d for userID, or returns the stored query with the same
// definition. clientID is kept when given, else one is generated. The
// caller validates d (by compiling it) first.
func (s *Service) Create(ctx context.Context, d Definition, clientID string, userID int64) (*Query, error) {
	hash := d.Hash()
	if q, err := s.byHash(ctx, hash); err == nil || !overlook.IsNotFound(err) {
		return q, err
	}
	if clientID == "" {
		clientID = randomString(clientIDLength)
	}
	q := &Query{Definition: d.normalized(), ClientID: clientID, UserID: userID}
	var err error
	for range slugAttempts {
		q.Slug = randomString(slugLength)
		row := toStore(q, hash)
		if err = s.st.CreateQuery(ctx, row); err == nil {
			q.ID, q.CreatedAt = row.ID, row.CreatedAt
			return q, nil
		}
		if overlook.ErrorCode(err) != overlook.ECONFLICT {
			return nil, err
		}
		// Another request stored the same definition first, or the slug
		// was taken: the first wins, the second draws a new slug.
		if twin, err := s.byHash(ctx, hash); err == nil {
			return twin, nil
		}
	}
	return nil, err
}

// Get returns the query with id.
func (s *Service) Get(ctx context.Context, id int64) (*Query, error) {
	return read(s.st.QueryByID(ctx, id))
}

// BySlug returns the query with slug.
func (s *Service) BySlug(ctx context.Context, slug string) (*Query, error) {
	return read(s.st.QueryBySlug(ctx, slug))
}

func (s *Service) byHash(ctx context.Context, hash string) (*Query, error) {
	return read(s.st.QueryByHash(ctx, hash))
}

func read(r *store.Query, err error) (*Query, error) {
	if err != nil {
		return nil, err
	}
	return fromStore(r)
}

// randomString draws n characters of alphabet from crypto/rand.
func randomString(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}
