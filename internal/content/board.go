package content

import (
	"context"
	"strings"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

// Boards have their own content_metadata row and no folder: everyone views
// a board without grants, its creator and admins edit it, and grants on the
// row decide the rest.

// BoardLevel is the caller's level on a board.
func (s *Service) BoardLevel(ctx context.Context, p *overlook.Principal, b *store.Board) (Level, error) {
	if p == nil || p.User == nil {
		return NoAccess, nil
	}
	if p.IsAdmin || (b.UserID != 0 && b.UserID == p.User.ID) {
		return Edit, nil
	}
	return s.MetadataLevel(ctx, p, b.ContentMetadataID)
}

// Board returns a board the caller may view; want Edit also requires edit
// access (forbidden otherwise).
func (s *Service) Board(ctx context.Context, p *overlook.Principal, id int64, want Level) (*store.Board, error) {
	b, err := s.st.Board(ctx, id)
	if err != nil {
		return nil, err
	}
	l, err := s.BoardLevel(ctx, p, b)
	if err != nil {
		return nil, err
	}
	return b, require(l, want)
}

// SearchBoards returns the boards f selects that the caller may view, cut
// to limit/offset (limit 0: all), and how many the caller may view in all.
func (s *Service) SearchBoards(ctx context.Context, p *overlook.Principal, f store.BoardFilter, limit, offset int) ([]*store.Board, int, error) {
	all, err := s.st.Boards(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	var seen []*store.Board
	for _, b := range all {
		l, err := s.BoardLevel(ctx, p, b)
		if err != nil {
			return nil, 0, err
		}
		if l >= View {
			seen = append(seen, b)
		}
	}
	total := len(seen)
	if offset >= total {
		return nil, total, nil
	}
	seen = seen[offset:]
	if limit > 0 && limit < len(seen) {
		seen = seen[:limit]
	}
	return seen, total, nil
}

// CreateBoard creates a board owned by the caller.
func (s *Service) CreateBoard(ctx context.Context, p *overlook.Principal, b *store.Board) error {
	b.UserID = p.UserID()
	if err := checkBoard(b); err != nil {
		return err
	}
	return s.st.CreateBoard(ctx, b)
}

// UpdateBoard stores the changed board b (already merged with the stored
// one) when the caller edits it.
func (s *Service) UpdateBoard(ctx context.Context, p *overlook.Principal, b *store.Board) error {
	if _, err := s.Board(ctx, p, b.ID, Edit); err != nil {
		return err
	}
	if err := checkBoard(b); err != nil {
		return err
	}
	return s.st.UpdateBoard(ctx, b)
}

// DeleteBoard deletes a board the caller edits.
func (s *Service) DeleteBoard(ctx context.Context, p *overlook.Principal, id int64) error {
	if _, err := s.Board(ctx, p, id, Edit); err != nil {
		return err
	}
	return s.st.DeleteBoard(ctx, id)
}

func checkBoard(b *store.Board) error {
	b.Title = strings.TrimSpace(b.Title)
	if b.Title == "" {
		return overlook.Invalid("title", "missing", "title is required")
	}
	return nil
}

// BoardSection returns a section of a board the caller may view (want
// Edit: edit).
func (s *Service) BoardSection(ctx context.Context, p *overlook.Principal, id int64, want Level) (*store.BoardSection, error) {
	bs, err := s.st.BoardSection(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err := s.Board(ctx, p, bs.BoardID, want); err != nil {
		return nil, err
	}
	return bs, nil
}

// BoardSections returns the sections of the given boards (all boards when
// none is given) that the caller may view.
func (s *Service) BoardSections(ctx context.Context, p *overlook.Principal, boardIDs []int64) ([]*store.BoardSection, error) {
	all, err := s.st.BoardSections(ctx, boardIDs)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	var out []*store.BoardSection
	for _, bs := range all {
		ok, known := seen[bs.BoardID]
		if !known {
			_, err := s.Board(ctx, p, bs.BoardID, View)
			if err != nil && !overlook.IsNotFound(err) {
				return nil, err
			}
			ok, seen[bs.BoardID] = err == nil, err == nil
		}
		if ok {
			out = append(out, bs)
		}
	}
	return out, nil
}

// SaveBoardSection creates (ID 0) or updates a section of a board the
// caller edits.
func (s *Service) SaveBoardSection(ctx context.Context, p *overlook.Principal, bs *store.BoardSection) error {
	if bs.BoardID == 0 {
		return overlook.Invalid("board_id", "missing", "board_id is required")
	}
	if _, err := s.Board(ctx, p, bs.BoardID, Edit); err != nil {
		if overlook.IsNotFound(err) {
			return overlook.Invalid("board_id", "not_found", "no board has id %d", bs.BoardID)
		}
		return err
	}
	if bs.ID == 0 {
		return s.st.CreateBoardSection(ctx, bs)
	}
	if _, err := s.BoardSection(ctx, p, bs.ID, Edit); err != nil {
		return err
	}
	return s.st.UpdateBoardSection(ctx, bs)
}

// DeleteBoardSection deletes a section of a board the caller edits.
func (s *Service) DeleteBoardSection(ctx context.Context, p *overlook.Principal, id int64) error {
	if _, err := s.BoardSection(ctx, p, id, Edit); err != nil {
		return err
	}
	return s.st.DeleteBoardSection(ctx, id)
}
