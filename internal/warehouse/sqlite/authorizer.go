package sqlite

import (
	"context"
	"database/sql/driver"
	"errors"

	"modernc.org/sqlite"
)

// readOnlyConnector installs readOnly as the authorizer of every
// connection it opens, after the DSN's pragmas ran and before any query.
// It returns the driver's own connection, so its optional interfaces stay
// visible to database/sql.
type readOnlyConnector struct{ driver.Connector }

func (c readOnlyConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	reg, ok := conn.(sqlite.AuthorizerRegisterer)
	if !ok {
		conn.Close()
		return nil, errors.New("sqlite: the driver cannot install an authorizer")
	}
	if err := reg.RegisterAuthorizer(readOnly); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// readOnly allows what a SELECT needs and denies everything else (writes,
// schema changes, ATTACH, PRAGMA, transactions).
func readOnly(action sqlite.AuthorizerActionCode, _, _, _, _ string) sqlite.AuthorizerReturnCode {
	switch action {
	case sqlite.AuthSelect, sqlite.AuthRead, sqlite.AuthFunction, sqlite.AuthRecursive:
		return sqlite.AuthorizerOK
	}
	return sqlite.AuthorizerDeny
}
