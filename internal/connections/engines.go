package connections

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/warehouse"
)

// Engine returns the open engine of a connection, opening it on first use.
// Engines stay open until the connection changes or the service closes.
func (s *Service) Engine(ctx context.Context, name string) (warehouse.Engine, error) {
	s.mu.Lock()
	eng := s.engines[name]
	s.mu.Unlock()
	if eng != nil {
		return eng, nil
	}
	c, err := s.Get(ctx, name)
	if err != nil {
		return nil, err
	}
	cfg, err := s.engineConfig(c)
	if err != nil {
		return nil, err
	}
	eng, err = warehouse.Open(ctx, cfg)
	if err != nil {
		if overlook.ErrorCode(err) != overlook.EINTERNAL {
			return nil, err
		}
		// The cause may name hosts or files: log it, tell the client less.
		slog.Warn("opening a connection failed", "connection", name, "err", err)
		return nil, overlook.Errorf(overlook.EBADREQUEST, "Connection %q cannot be opened.", name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if other := s.engines[name]; other != nil { // opened meanwhile: keep one
		_ = eng.Close()
		return other, nil
	}
	s.engines[name] = eng
	return eng, nil
}

func (s *Service) closeEngine(name string) {
	s.mu.Lock()
	eng := s.engines[name]
	delete(s.engines, name)
	s.mu.Unlock()
	if eng != nil {
		_ = eng.Close()
	}
}

// Close closes every open engine.
func (s *Service) Close() error {
	s.mu.Lock()
	engines := s.engines
	s.engines = map[string]warehouse.Engine{}
	s.mu.Unlock()
	var err error
	for _, eng := range engines {
		err = errors.Join(err, eng.Close())
	}
	return err
}

// TestResult is the outcome of one connection test.
type TestResult struct {
	Name    string // connect, query
	Status  string // success, error, skipped
	Message string
}

// testTimeout bounds one connection test, so an unreachable host answers
// with an error result rather than a hung request.
const testTimeout = 10 * time.Second

// CheckTests validates the names of tests asked for; none means the
// dialect's default tests.
func CheckTests(dialect string, tests []string) ([]string, error) {
	d, ok := LookupDialect(dialect)
	if !ok {
		return nil, overlook.Invalid("dialect_name", "invalid", "%q is not a known dialect", dialect)
	}
	if len(tests) == 0 {
		return d.Tests, nil
	}
	for _, t := range tests {
		if !slices.Contains(d.Tests, t) {
			return nil, overlook.Invalid("tests", "invalid", "%q is not a test of %s (tests: %s)", t, d.Label,
				strings.Join(d.Tests, ", "))
		}
	}
	return tests, nil
}

// Test runs tests against a connection with a fresh engine, closed after:
// a saved connection's cached engine is left alone. Validation failures
// are errors; database failures are results with status "error".
func (s *Service) Test(ctx context.Context, c *Connection, tests []string) ([]TestResult, error) {
	tests, err := CheckTests(c.Dialect, tests)
	if err != nil {
		return nil, err
	}
	if !c.Static {
		if err := validate(c); err != nil {
			return nil, err
		}
	}
	cfg, err := s.engineConfig(c)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, testTimeout)
	defer cancel()
	eng, openErr := warehouse.Open(ctx, cfg)
	if eng != nil {
		defer eng.Close()
	}
	out := make([]TestResult, len(tests))
	for i, name := range tests {
		out[i] = runTest(ctx, eng, openErr, name, c.Password)
	}
	return out, nil
}

func runTest(ctx context.Context, eng warehouse.Engine, openErr error, name, secret string) TestResult {
	res := TestResult{Name: name, Status: "success"}
	err := openErr
	if err == nil {
		switch name {
		case "connect":
			err = eng.Test(ctx)
		case "query":
			err = queryOne(ctx, eng)
		}
	}
	if err != nil {
		res.Status, res.Message = "error", scrub(err.Error(), secret)
	} else {
		res.Message = "Can " + name
	}
	return res
}

func queryOne(ctx context.Context, eng warehouse.Engine) error {
	rows, err := eng.Query(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		return errors.New("SELECT 1 returned no row")
	}
	return rows.Err()
}

// scrub keeps a password out of a driver's error message.
func scrub(msg, secret string) string {
	if secret != "" {
		msg = strings.ReplaceAll(msg, secret, "********")
	}
	return msg
}
