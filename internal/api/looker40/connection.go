package looker40

import (
	"context"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/connections"
	"github.com/overlookbi/overlook/internal/overlook"
)

const tagConnection = "Connection"

// Connections are admin-managed: every change and every test (which makes
// the server dial out) is admin only. Reading them needs see_lookml, the
// permission of those who write LookML against them; it shows no secret.
const permSeeConnections = "see_lookml"

func init() { register(registerConnection) }

// ConnectionNamePath names one connection.
type ConnectionNamePath struct {
	ConnectionName string `path:"connection_name" doc:"The connection"`
}

// ConnectionTestsParam lists the tests to run.
type ConnectionTestsParam struct {
	Tests DelimList `query:"tests" doc:"Names of the tests to run"`
}

type connectionBodyInput struct {
	Body model.Body[model.DBConnection]
}

func registerConnection(api huma.API, b *Backend) {
	handle(api, op{ID: "all_connections", Method: http.MethodGet, Path: "/connections", Tag: tagConnection,
		Perm: permSeeConnections, Summary: "All connections"}, b.allConnections)
	handle(api, op{ID: "create_connection", Method: http.MethodPost, Path: "/connections", Tag: tagConnection,
		Perm: access.AdminOnly, Summary: "New connection"}, b.createConnection)
	handle(api, op{ID: "test_connection_config", Method: http.MethodPut, Path: "/connections/test", Tag: tagConnection,
		Perm: access.AdminOnly, Summary: "Test an unsaved connection configuration"}, b.testConnectionConfig)
	handle(api, op{ID: "connection", Method: http.MethodGet, Path: "/connections/{connection_name}", Tag: tagConnection,
		Perm: permSeeConnections, Summary: "One connection"}, b.connection)
	handle(api, op{ID: "update_connection", Method: http.MethodPatch, Path: "/connections/{connection_name}",
		Tag: tagConnection, Perm: access.AdminOnly, Summary: "Change a connection"}, b.updateConnection)
	handle(api, op{ID: "delete_connection", Method: http.MethodDelete, Path: "/connections/{connection_name}",
		Tag: tagConnection, Perm: access.AdminOnly, Summary: "Remove a connection", Status: http.StatusNoContent},
		b.deleteConnection)
	handle(api, op{ID: "test_connection", Method: http.MethodPut, Path: "/connections/{connection_name}/test",
		Tag: tagConnection, Perm: access.AdminOnly, Summary: "Check that a connection works"}, b.testConnection)
	handle(api, op{ID: "all_dialect_infos", Method: http.MethodGet, Path: "/dialect_info", Tag: tagConnection,
		Perm: permSeeConnections, Summary: "Every dialect Overlook knows"}, b.allDialectInfos)
}

func (b *Backend) allConnections(ctx context.Context, _ *struct{ FieldsParam }) (*Out[[]model.DBConnection], error) {
	list, err := b.Connections.List(ctx)
	if err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	out := make([]model.DBConnection, len(list))
	for i, c := range list {
		out[i] = connectionWire(c, p)
	}
	return ok(out)
}

// loadConnection reads a connection the API may show: hidden ones are 404.
func (b *Backend) loadConnection(ctx context.Context, name string) (*connections.Connection, error) {
	requestinfo.SetObject(ctx, "connection", name)
	c, err := b.Connections.Get(ctx, name)
	if err == nil && c.Hidden() {
		err = overlook.NotFound()
	}
	return c, err
}

func (b *Backend) connection(ctx context.Context, in *struct {
	ConnectionNamePath
	FieldsParam
}) (*Out[model.DBConnection], error) {
	c, err := b.loadConnection(ctx, in.ConnectionName)
	if err != nil {
		return nil, err
	}
	return ok(connectionWire(c, overlook.PrincipalFrom(ctx)))
}

func (b *Backend) createConnection(ctx context.Context, in *connectionBodyInput) (*Out[model.DBConnection], error) {
	c := &connections.Connection{}
	if err := applyConnection(c, &in.Body); err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	if p != nil && p.User != nil {
		c.UserID = p.User.ID
	}
	if err := b.Connections.Create(ctx, c); err != nil {
		return nil, err
	}
	requestinfo.SetObject(ctx, "connection", c.Name)
	return ok(connectionWire(c, p))
}

func (b *Backend) updateConnection(ctx context.Context, in *struct {
	ConnectionNamePath
	Body model.Body[model.DBConnection]
}) (*Out[model.DBConnection], error) {
	c, err := b.loadConnection(ctx, in.ConnectionName)
	if err != nil {
		return nil, err
	}
	if in.Body.Has("name") && orZero(in.Body.Value.Name) != c.Name {
		return nil, overlook.Invalid("name", "invalid", "a connection cannot be renamed")
	}
	if c.Static {
		return nil, overlook.Errorf(overlook.ENOTALLOWED, "connection %s is configured by the operator and cannot be changed", c.Name)
	}
	if err := applyConnection(c, &in.Body); err != nil {
		return nil, err
	}
	if err := b.Connections.Update(ctx, c); err != nil {
		return nil, err
	}
	return ok(connectionWire(c, overlook.PrincipalFrom(ctx)))
}

func (b *Backend) deleteConnection(ctx context.Context, in *ConnectionNamePath) (*Empty, error) {
	if _, err := b.loadConnection(ctx, in.ConnectionName); err != nil {
		return nil, err
	}
	if err := b.Connections.Delete(ctx, in.ConnectionName); err != nil {
		return nil, err
	}
	return &Empty{}, nil
}

func (b *Backend) testConnection(ctx context.Context, in *struct {
	ConnectionNamePath
	ConnectionTestsParam
}) (*Out[[]model.DBConnectionTestResult], error) {
	c, err := b.loadConnection(ctx, in.ConnectionName)
	if err != nil {
		return nil, err
	}
	return b.runConnectionTests(ctx, c, in.Tests)
}

// testConnectionConfig tests a configuration without saving it, after the
// same validation as create_connection.
func (b *Backend) testConnectionConfig(ctx context.Context, in *struct {
	ConnectionTestsParam
	Body model.Body[model.DBConnection]
}) (*Out[[]model.DBConnectionTestResult], error) {
	c := &connections.Connection{}
	if err := applyConnection(c, &in.Body); err != nil {
		return nil, err
	}
	return b.runConnectionTests(ctx, c, in.Tests)
}

func (b *Backend) runConnectionTests(ctx context.Context, c *connections.Connection, tests DelimList) (*Out[[]model.DBConnectionTestResult], error) {
	names, err := ParseDelimList(strings.Join(tests, ","))
	if err != nil {
		return nil, overlook.Invalid("tests", "invalid", "tests must be a list of test names")
	}
	results, err := b.Connections.Test(ctx, c, names)
	if err != nil {
		return nil, err
	}
	out := make([]model.DBConnectionTestResult, len(results))
	for i, r := range results {
		out[i] = model.DBConnectionTestResult{Name: ptr(r.Name), Status: ptr(r.Status), Message: ptr(r.Message),
			Can: map[string]bool{}}
	}
	return ok(out)
}

func (b *Backend) allDialectInfos(_ context.Context, _ *struct{ FieldsParam }) (*Out[[]model.DialectInfo], error) {
	list := connections.Dialects()
	out := make([]model.DialectInfo, len(list))
	for i, d := range list {
		out[i] = dialectInfoWire(d)
	}
	return ok(out)
}

// unsupportedConnectionKeys are settings Overlook does not implement whose
// values could run statements or reach other hosts: a value is refused
// rather than silently ignored; null or empty passes (SDKs echo them).
var unsupportedConnectionKeys = []string{"after_connect_statements", "pdt_context_override", "tmp_db_host",
	"tunnel_id", "custom_local_port", "oauth_application_id", "impersonated_service_account"}

// applyConnection copies the sent keys of body onto c. Write-only secrets
// change only when sent.
func applyConnection(c *connections.Connection, body *model.Body[model.DBConnection]) error {
	if err := refuseUnsupported(body); err != nil {
		return err
	}
	v := body.Value
	strs := []struct {
		key string
		dst *string
		src *string
	}{{"name", &c.Name, v.Name}, {"dialect_name", &c.Dialect, v.DialectName}, {"host", &c.Host, v.Host},
		{"database", &c.Database, v.Database}, {"schema", &c.Schema, v.Schema}, {"username", &c.Username, v.Username},
		{"password", &c.Password, v.Password}, {"certificate", &c.Certificate, v.Certificate},
		{"file_type", &c.FileType, v.FileType}, {"db_timezone", &c.Settings.DBTimezone, v.DBTimezone},
		{"query_timezone", &c.Settings.QueryTimezone, v.QueryTimezone}, {"tmp_db_name", &c.Settings.TmpDBName, v.TmpDBName}}
	for _, f := range strs {
		if body.Has(f.key) {
			*f.dst = strings.TrimSpace(orZero(f.src))
		}
	}
	if body.Has("password") {
		c.Password = orZero(v.Password) // passwords keep their spaces
	}
	return applyConnectionNumbers(c, body)
}

func refuseUnsupported(body *model.Body[model.DBConnection]) error {
	v := body.Value
	values := map[string]bool{"after_connect_statements": orZero(v.AfterConnectStatements) != "",
		"pdt_context_override": v.PDTContextOverride != nil && *v.PDTContextOverride != (model.DBConnectionOverride{}),
		"tmp_db_host":          orZero(v.TmpDBHost) != "", "tunnel_id": orZero(v.TunnelID) != "",
		"custom_local_port": orZero(v.CustomLocalPort) != 0, "oauth_application_id": orZero(v.OauthApplicationID) != "",
		"impersonated_service_account": orZero(v.ImpersonatedServiceAccount) != ""}
	for _, key := range unsupportedConnectionKeys {
		if body.Has(key) && values[key] {
			return overlook.Invalid(key, "invalid", "%s is not supported", key)
		}
	}
	return nil
}

func applyConnectionNumbers(c *connections.Connection, body *model.Body[model.DBConnection]) error {
	v := body.Value
	if body.Has("port") {
		port, err := connections.ParsePort(orZero(v.Port))
		if err != nil {
			return err
		}
		c.Port = port
	}
	if body.Has("jdbc_additional_params") {
		opts, err := connections.ParseParams(orZero(v.JdbcAdditionalParams))
		if err != nil {
			return err
		}
		c.Options = opts
	}
	ints := []struct {
		key string
		dst *int
		src *int64
	}{{"max_connections", &c.MaxConnections, v.MaxConnections}, {"pool_timeout", &c.PoolTimeout, v.PoolTimeout}}
	for _, f := range ints {
		if body.Has(f.key) {
			*f.dst = int(max(min(orZero(f.src), 1<<31-1), -1))
		}
	}
	if body.Has("max_queries") {
		c.Settings.MaxQueries = orZero(v.MaxQueries)
	}
	if body.Has("max_queries_per_user") {
		c.Settings.MaxQueriesPerUser = orZero(v.MaxQueriesPerUser)
	}
	if body.Has("ssl") {
		c.Settings.SSL = orZero(v.SSL)
	}
	if body.Has("verify_ssl") {
		c.Settings.VerifySSL = orZero(v.VerifySSL)
	}
	return nil
}

// connectionWire is the DBConnection of c. No secret leaves: password and
// certificate are write-only, has_password tells whether one is set. Static
// connections show their file's name, not its path.
func connectionWire(c *connections.Connection, p *overlook.Principal) model.DBConnection {
	d, _ := connections.LookupDialect(c.Dialect)
	editable := !c.Static && p != nil && p.IsAdmin
	database := c.Database
	if c.Path != "" {
		database = filepath.Base(c.Path)
	}
	w := model.DBConnection{Name: ptr(c.Name), DialectName: ptr(c.Dialect), Host: ptr(c.Host), Database: ptr(database),
		Schema: ptr(c.Schema), Username: ptr(c.Username), HasPassword: ptr(c.HasPassword()),
		JdbcAdditionalParams: ptr(connections.FormatParams(c.Options)), MaxConnections: ptr(int64(c.MaxConnections)),
		PoolTimeout: ptr(int64(c.PoolTimeout)), SSL: ptr(c.Settings.SSL), VerifySSL: ptr(c.Settings.VerifySSL),
		DBTimezone: optString(c.Settings.DBTimezone), QueryTimezone: optString(c.Settings.QueryTimezone),
		TmpDBName: optString(c.Settings.TmpDBName), MaxQueries: ptr(c.Settings.MaxQueries),
		MaxQueriesPerUser: ptr(c.Settings.MaxQueriesPerUser), CreatedAt: timeString(c.CreatedAt),
		UserID: idString(c.UserID), Managed: ptr(c.Static), Example: ptr(false), PdtsEnabled: ptr(false),
		UsesOauth: ptr(false), UsesInstanceOauth: ptr(false), UsesServiceAuth: ptr(false), UsesKeyPairAuth: ptr(false),
		SQLRunnerPrecacheTables: ptr(false), SQLWritingWithInfoSchema: ptr(false), ConnectionPooling: ptr(true),
		QueryHoldingDisabled: ptr(false), DefaultBqConnection: ptr(false), SupportsDataStudioLink: ptr(false),
		Snippets: []model.Snippet{}, UserAttributeFields: []string{},
		Can: map[string]bool{"index": true, "show": true, "cost_estimate": false, "access_data": true,
			"explore": true, "refresh_schemas": true, "test": p != nil && p.IsAdmin, "update": editable, "destroy": editable}}
	if c.Port != 0 {
		w.Port = ptr(strconv.Itoa(c.Port))
	}
	if d != nil {
		w.Dialect = dialectWire(d)
	}
	return w
}

func dialectWire(d *connections.Dialect) *model.Dialect {
	return &model.Dialect{Name: ptr(d.Name), Label: ptr(d.Label), SupportsCostEstimate: ptr(false),
		PersistentTableIndexes: ptr(""), PersistentTableSortkeys: ptr(""), PersistentTableDistkey: ptr(""),
		SupportsStreaming: ptr(true), AutomaticallyRunSQLRunnerSnippets: ptr(false), ConnectionTests: d.Tests,
		SupportsInducer: ptr(false), SupportsMultipleDatabases: ptr(false), SupportsPersistentDerivedTables: ptr(false),
		HasSSLSupport: ptr(d.SSL != nil)}
}

func dialectInfoWire(d *connections.Dialect) model.DialectInfo {
	server := !d.Embedded
	info := model.DialectInfo{Name: ptr(d.Name), Label: ptr(d.Label), Installed: ptr(d.Installed()),
		DefaultMaxConnections: ptr("30"), LabelForDatabaseEquivalent: ptr("Database"),
		LabelForSchemaEquivalent: ptr("Schema"), SupportedDriverName: ptr(d.Name),
		SupportedDriverVersions: []model.DialectDriverNamesVersion{}, Can: map[string]bool{},
		SupportedOptions: &model.DialectInfoOptions{AdditionalParams: ptr(len(d.Options) > 0),
			AfterConnectStatements: ptr(false), Host: ptr(server), Port: ptr(server), Username: ptr(server),
			UsernameRequired: ptr(false), Schema: ptr(true), SSL: ptr(d.SSL != nil), Timezone: ptr(true),
			TmpTable: ptr(false), SupportsConnectionPooling: ptr(server), CostEstimate: ptr(false),
			DisableContextComment: ptr(false), Auth: ptr(server)}}
	if d.DefaultPort != 0 {
		info.DefaultPort = ptr(strconv.Itoa(d.DefaultPort))
	}
	if d.Embedded {
		info.LabelForDatabaseEquivalent = ptr("File")
	}
	return info
}
