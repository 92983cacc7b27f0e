package looker40

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/api/requestinfo"
	"github.com/overlookbi/overlook/internal/catalog"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/semantic"
	"github.com/overlookbi/overlook/internal/store"
)

const tagLookmlModel = "LookmlModel"

func init() { register(registerLookmlModel) }

// LookmlModelNamePath names a model in the path.
type LookmlModelNamePath struct {
	LookmlModelName string `path:"lookml_model_name" doc:"The LookML model"`
}

type allLookmlModelsInput struct {
	FieldsParam
	Limit              int64 `query:"limit" doc:"Number of results to return (can be used with offset)"`
	Offset             int64 `query:"offset" doc:"Number of results to skip before returning any (can be used with limit)"`
	ExcludeEmpty       bool  `query:"exclude_empty" doc:"Leave out models without explores"`
	ExcludeHidden      bool  `query:"exclude_hidden" doc:"Leave out hidden explores"`
	IncludeInternal    bool  `query:"include_internal" doc:"Also list built-in models (system__activity)"`
	IncludeSelfService bool  `query:"include_self_service" doc:"Whether or not to include self service models (there are none)"`
}

type lookmlModelInput struct {
	LookmlModelNamePath
	FieldsParam
}

type lookmlModelBodyInput struct {
	Body model.Body[model.LookmlModel]
}

type lookmlModelUpdateInput struct {
	LookmlModelNamePath
	Body model.Body[model.LookmlModel]
}

func registerLookmlModel(api huma.API, b *Backend) {
	handle(api, op{ID: "all_lookml_models", Method: http.MethodGet, Path: "/lookml_models", Tag: tagLookmlModel,
		Perm: "access_data", Summary: "The LookML models the caller may use"}, b.allLookmlModels)
	handle(api, op{ID: "create_lookml_model", Method: http.MethodPost, Path: "/lookml_models", Tag: tagLookmlModel,
		Perm: "manage_models", Summary: "Configure a LookML model"}, b.createLookmlModel)
	handle(api, op{ID: "lookml_model", Method: http.MethodGet, Path: "/lookml_models/{lookml_model_name}", Tag: tagLookmlModel,
		Perm: "access_data", Summary: "One LookML model"}, b.lookmlModel)
	handle(api, op{ID: "update_lookml_model", Method: http.MethodPatch, Path: "/lookml_models/{lookml_model_name}",
		Tag: tagLookmlModel, Perm: "manage_models", Summary: "Change a LookML model's configuration"}, b.updateLookmlModel)
	handle(api, op{ID: "delete_lookml_model", Method: http.MethodDelete, Path: "/lookml_models/{lookml_model_name}",
		Tag: tagLookmlModel, Perm: "manage_models", Summary: "Delete a LookML model's configuration",
		Status: http.StatusNoContent}, b.deleteLookmlModel)
	handle(api, op{ID: "lookml_model_explore", Method: http.MethodGet,
		Path: "/lookml_models/{lookml_model_name}/explores/{explore_name}", Tag: tagLookmlModel, Perm: "access_data",
		Summary: "An explore with its fields and joins"}, b.lookmlModelExplore)
}

// lookmlModelView is what the API shows of a model: the served model (nil
// for a configuration whose LookML is not served) and its stored
// configuration (nil when it has none).
type lookmlModelView struct {
	name   string
	served *semantic.Model
	config *store.LookmlModel
}

// visibleModels lists the models p may see: served ones, then stored
// configurations of models that are not served, by name.
func (b *Backend) visibleModels(ctx context.Context, p *overlook.Principal, includeInternal bool) ([]lookmlModelView, error) {
	configs, err := b.Store.LookmlModels(ctx)
	if err != nil {
		return nil, err
	}
	byName := map[string]*store.LookmlModel{}
	for _, c := range configs {
		byName[c.Name] = c
	}
	var out []lookmlModelView
	for _, m := range b.Catalog.Models() {
		if b.Catalog.CanSee(p, m.Name) && (includeInternal || !b.Catalog.IsInternal(m.Name)) {
			out = append(out, lookmlModelView{name: m.Name, served: m, config: byName[m.Name]})
		}
		delete(byName, m.Name)
	}
	for _, c := range configs {
		if byName[c.Name] != nil && b.Catalog.CanSee(p, c.Name) {
			out = append(out, lookmlModelView{name: c.Name, config: c})
		}
	}
	return out, nil
}

// findModel reads one model the caller may see; 404 otherwise.
func (b *Backend) findModel(ctx context.Context, name string) (lookmlModelView, error) {
	requestinfo.SetObject(ctx, "lookml_model", name)
	if !b.Catalog.CanSee(overlook.PrincipalFrom(ctx), name) {
		return lookmlModelView{}, overlook.NotFound()
	}
	v := lookmlModelView{name: name}
	v.served, _ = b.Catalog.Model(name)
	cfg, err := b.Store.LookmlModel(ctx, name)
	switch {
	case err == nil:
		v.config = cfg
	case !errHasCode(err, overlook.ENOTFOUND):
		return v, err
	case v.served == nil:
		return v, overlook.NotFound()
	}
	return v, nil
}

// errHasCode reports a domain error of the code.
func errHasCode(err error, code string) bool {
	var e *overlook.Error
	return errors.As(err, &e) && e.Code == code
}

func (b *Backend) allLookmlModels(ctx context.Context, in *allLookmlModelsInput) (*Paged[model.LookmlModel], error) {
	pp := PageParams{Limit: in.Limit, Offset: in.Offset}
	limit, offset, err := pp.Window()
	if err != nil {
		return nil, err
	}
	p := overlook.PrincipalFrom(ctx)
	views, err := b.visibleModels(ctx, p, in.IncludeInternal)
	if err != nil {
		return nil, err
	}
	var all []model.LookmlModel
	for _, v := range views {
		w := b.lookmlModelWire(v, p, in.ExcludeHidden)
		if in.ExcludeEmpty && len(w.Explores) == 0 {
			continue
		}
		all = append(all, w)
	}
	total := len(all)
	all = all[min(offset, total):]
	if limit > 0 {
		all = all[:min(limit, len(all))]
	}
	return page(ctx, b, all, pp, total), nil
}

func (b *Backend) lookmlModel(ctx context.Context, in *lookmlModelInput) (*Out[model.LookmlModel], error) {
	v, err := b.findModel(ctx, in.LookmlModelName)
	if err != nil {
		return nil, err
	}
	return ok(b.lookmlModelWire(v, overlook.PrincipalFrom(ctx), false))
}

func (b *Backend) lookmlModelWire(v lookmlModelView, p *overlook.Principal, excludeHidden bool) model.LookmlModel {
	w := model.LookmlModel{Name: ptr(v.name), Explores: []model.LookmlModelNavExplore{},
		AllowedDBConnectionNames: []string{}, UnlimitedDBConnections: ptr(false), HasContent: ptr(false),
		Can: map[string]bool{"index": true, "show": true, "create": p.Can("manage_models"),
			"update": p.Can("manage_models"), "destroy": p.Can("manage_models")}}
	if m := v.served; m != nil {
		w.Label = ptr(catalog.ModelLabel(m))
		if proj, ok := b.Catalog.ProjectOf(m.Name); ok {
			w.ProjectName = ptr(proj.Name)
		}
		if m.Connection != "" {
			w.AllowedDBConnectionNames = []string{m.Connection}
		}
		for _, e := range m.Explores {
			if excludeHidden && e.Hidden {
				continue
			}
			w.Explores = append(w.Explores, model.LookmlModelNavExplore{Name: ptr(e.Name), Label: ptr(catalog.ExploreLabel(e)),
				Description: optString(e.Description), GroupLabel: ptr(catalog.ModelLabel(m)), Hidden: ptr(e.Hidden)})
		}
		w.HasContent = ptr(len(m.Explores) > 0)
	}
	if c := v.config; c != nil {
		w.ProjectName = ptr(c.ProjectName)
		w.AllowedDBConnectionNames = c.AllowedDBConnectionNames
		w.UnlimitedDBConnections = ptr(c.UnlimitedDBConnections)
		if w.Label == nil {
			w.Label = ptr(catalog.Title(c.Name))
		}
	}
	return w
}

// modelNameRE is what Looker accepts as a model name.
var modelNameRE = regexp.MustCompile(`^[a-z0-9_]+$`)

// applyLookmlModel copies the sent keys of body onto c and checks the result.
func applyLookmlModel(c *store.LookmlModel, body *model.Body[model.LookmlModel]) error {
	v := body.Value
	if body.Has("name") {
		c.Name = orZero(v.Name)
	}
	if body.Has("project_name") {
		c.ProjectName = orZero(v.ProjectName)
	}
	if body.Has("allowed_db_connection_names") {
		c.AllowedDBConnectionNames = uniqueSorted(v.AllowedDBConnectionNames)
	}
	if body.Has("unlimited_db_connections") {
		c.UnlimitedDBConnections = orZero(v.UnlimitedDBConnections)
	}
	switch {
	case c.Name == "":
		return overlook.Invalid("name", "missing", "name is required")
	case !modelNameRE.MatchString(c.Name):
		return overlook.Invalid("name", "invalid", "name must hold only lower-case letters, digits and underscores")
	case c.ProjectName == "":
		return overlook.Invalid("project_name", "missing", "project_name is required")
	}
	return nil
}

func (b *Backend) createLookmlModel(ctx context.Context, in *lookmlModelBodyInput) (*Out[model.LookmlModel], error) {
	c := &store.LookmlModel{}
	if err := applyLookmlModel(c, &in.Body); err != nil {
		return nil, err
	}
	if _, served := b.Catalog.Model(c.Name); served {
		return nil, overlook.Invalid("name", "already_exists", "model %s is already defined", c.Name)
	}
	if err := b.Store.CreateLookmlModel(ctx, c); err != nil {
		if errHasCode(err, overlook.ECONFLICT) {
			return nil, overlook.Invalid("name", "already_exists", "model %s is already defined", c.Name)
		}
		return nil, err
	}
	return b.lookmlModel(ctx, &lookmlModelInput{LookmlModelNamePath: LookmlModelNamePath{c.Name}})
}

func (b *Backend) updateLookmlModel(ctx context.Context, in *lookmlModelUpdateInput) (*Out[model.LookmlModel], error) {
	v, err := b.findModel(ctx, in.LookmlModelName)
	if err != nil {
		return nil, err
	}
	c := v.config
	if c == nil { // a served model gets its first configuration
		c = &store.LookmlModel{Name: v.name, AllowedDBConnectionNames: []string{v.served.Connection}}
		if proj, ok := b.Catalog.ProjectOf(v.name); ok {
			c.ProjectName = proj.Name
		}
	}
	if err := applyLookmlModel(c, &in.Body); err != nil {
		return nil, err
	}
	if c.Name != v.name && v.served != nil {
		return nil, overlook.Invalid("name", "invalid", "model %s is defined in LookML and cannot be renamed", v.name)
	}
	if v.config == nil {
		err = b.Store.CreateLookmlModel(ctx, c)
	} else {
		err = b.Store.UpdateLookmlModel(ctx, v.name, c)
	}
	if errHasCode(err, overlook.ECONFLICT) {
		return nil, overlook.Invalid("name", "already_exists", "model %s is already defined", c.Name)
	}
	if err != nil {
		return nil, err
	}
	return b.lookmlModel(ctx, &lookmlModelInput{LookmlModelNamePath: LookmlModelNamePath{c.Name}})
}

func (b *Backend) deleteLookmlModel(ctx context.Context, in *LookmlModelNamePath) (*Empty, error) {
	v, err := b.findModel(ctx, in.LookmlModelName)
	if err != nil {
		return nil, err
	}
	if v.served != nil {
		return nil, overlook.Invalid("lookml_model_name", "invalid",
			"model %s is defined in LookML; remove it from its project instead", v.name)
	}
	return &Empty{}, b.Store.DeleteLookmlModel(ctx, v.name)
}

type lookmlModelExploreInput struct {
	LookmlModelNamePath
	ExploreName string `path:"explore_name" doc:"The explore"`
	FieldsParam
	AddDrillsMetadata bool `query:"add_drills_metadata" doc:"Whether to include drill field metadata"`
}

func (b *Backend) lookmlModelExplore(ctx context.Context, in *lookmlModelExploreInput) (*Out[model.LookmlModelExplore], error) {
	v, err := b.findModel(ctx, in.LookmlModelName)
	if err != nil {
		return nil, err
	}
	if v.served == nil {
		return nil, overlook.NotFound()
	}
	e := v.served.Explore(in.ExploreName)
	if e == nil {
		return nil, overlook.NotFound()
	}
	x := exploreWriter{m: v.served, e: e, p: overlook.PrincipalFrom(ctx), drills: in.AddDrillsMetadata}
	if proj, ok := b.Catalog.ProjectOf(v.name); ok {
		x.project = proj.Name
	}
	x.dialect = b.connectionDialect(ctx, v.served.Connection)
	return ok(x.explore())
}

// connectionDialect names the dialect of a connection, or "" when unknown.
func (b *Backend) connectionDialect(ctx context.Context, name string) string {
	if b.Connections == nil || name == "" {
		return ""
	}
	c, err := b.Connections.Get(ctx, name)
	if err != nil {
		return ""
	}
	return c.Dialect
}

// exploreWriter builds Looker's explore metadata for one caller.
type exploreWriter struct {
	m                *semantic.Model
	e                *semantic.Explore
	p                *overlook.Principal
	project, dialect string
	drills           bool
}

func (x *exploreWriter) explore() model.LookmlModelExplore {
	e, seeLookML := x.e, x.p.Can("see_lookml")
	out := model.LookmlModelExplore{
		ID: ptr(x.m.Name + "::" + e.Name), Name: ptr(e.Name), ModelName: ptr(x.m.Name), ViewName: ptr(e.ViewName),
		Label: ptr(catalog.ExploreLabel(e)), Title: ptr(catalog.ExploreLabel(e)), Description: optString(e.Description),
		GroupLabel: ptr(lookmlFirstSet(e.GroupLabel, catalog.ModelLabel(x.m))), Hidden: ptr(e.Hidden),
		ConnectionName: ptr(x.m.Connection), DialectName: optString(x.dialect), ProjectName: optString(x.project),
		SourceFile: ptr(e.Pos.File), Files: []string{e.Pos.File}, Tags: nonNilStrings(e.Tags),
		AlwaysJoin: nonNilStrings(e.AlwaysJoin), Scopes: e.Aliases(), CanSeeLookml: ptr(seeLookML),
		CanTotal: ptr(true), CanSubtotal: ptr(true), CanPivotInDB: ptr(true), CanSave: ptr(true),
		CanExplain: ptr(false), CanDevelop: ptr(x.p.Can("develop")), HasTimezoneSupport: ptr(true),
		SupportsCostEstimate: ptr(false), NullSortTreatment: ptr("low"),
		Errors: []model.LookmlModelExploreError{}, Aliases: []model.LookmlModelExploreAlias{},
		SupportedMeasureTypes: []model.LookmlModelExploreSupportedMeasureType{},
	}
	if seeLookML {
		out.LookmlLink = ptr("/projects/" + x.project + "/files/" + e.Pos.File + "?line=" + strconv.Itoa(e.Pos.Line))
	}
	out.SQLTableName = optString(viewTableSQL(e.Base, e.ViewName))
	out.AlwaysFilter = namedFilters[model.LookmlModelExploreAlwaysFilter](e.AlwaysFilter)
	out.ConditionallyFilter = namedFilters[model.LookmlModelExploreConditionallyFilter](e.ConditionallyFilter)
	out.AccessFilters, out.AccessFilterFields = accessFilters(e.AccessFilters)
	out.Joins = x.joins()
	out.Sets = x.sets()
	out.Fields = x.fields()
	out.IndexFields = []string{}
	for _, f := range out.Fields.Dimensions {
		if orZero(f.PrimaryKey) {
			out.IndexFields = append(out.IndexFields, orZero(f.Name))
		}
	}
	return out
}

// viewTableSQL is the FROM text of a view as Looker reports it: the table
// name with its alias, or the derived table's SQL in parentheses.
func viewTableSQL(v *semantic.View, alias string) string {
	switch {
	case v == nil:
		return ""
	case v.DerivedTable != nil && !v.DerivedTable.SQL.IsZero():
		return "(" + v.DerivedTable.SQL.Text + ") AS " + alias
	case !v.SQLTableName.IsZero():
		return v.SQLTableName.Text + " AS " + alias
	}
	return ""
}

func namedFilters[T model.LookmlModelExploreAlwaysFilter | model.LookmlModelExploreConditionallyFilter](list []semantic.FieldFilter) []T {
	out := make([]T, len(list))
	for i, f := range list {
		out[i] = T{Name: ptr(f.Field), Value: ptr(f.Expr)}
	}
	return out
}

func accessFilters(list []semantic.AccessFilter) ([]model.LookmlModelExploreAccessFilter, []string) {
	out := make([]model.LookmlModelExploreAccessFilter, len(list))
	fields := make([]string, len(list))
	for i, a := range list {
		out[i] = model.LookmlModelExploreAccessFilter{Field: ptr(a.Field), UserAttribute: ptr(a.UserAttribute)}
		fields[i] = a.Field
	}
	return out, fields
}

func (x *exploreWriter) joins() []model.LookmlModelExploreJoins {
	out := make([]model.LookmlModelExploreJoins, 0, len(x.e.Joins))
	for _, j := range x.e.Joins {
		w := model.LookmlModelExploreJoins{Name: ptr(j.Name), From: optString(j.From), Type: ptr(lookmlFirstSet(j.Type, "left_outer")),
			Relationship: ptr(lookmlFirstSet(j.Relationship, "many_to_one")), ViewLabel: optString(j.ViewLabel),
			ForeignKey: optString(j.ForeignKey), OuterOnly: ptr(j.OuterOnly), RequiredJoins: nonNilStrings(j.RequiredJoins),
			Fields: j.Fields, DependentFields: []string{}}
		if !j.SQLOn.IsZero() {
			w.SQLOn = ptr(j.SQLOn.Text)
		}
		w.SQLTableName = optString(viewTableSQL(j.View, j.Name))
		out = append(out, w)
	}
	return out
}

func (x *exploreWriter) sets() []model.LookmlModelExploreSet {
	out := []model.LookmlModelExploreSet{}
	for _, alias := range x.e.Aliases() {
		v := x.e.ViewOf(alias)
		if v == nil {
			continue
		}
		for _, name := range lookmlSortedKeys(v.Sets) {
			out = append(out, model.LookmlModelExploreSet{Name: ptr(alias + "." + name), Value: v.Sets[name]})
		}
	}
	return out
}

// fields lists every field the explore exposes, by kind, in declaration
// order: the base view's first, then each join's.
func (x *exploreWriter) fields() *model.LookmlModelExploreFieldset {
	set := &model.LookmlModelExploreFieldset{Dimensions: []model.LookmlModelExploreField{},
		Measures: []model.LookmlModelExploreField{}, Filters: []model.LookmlModelExploreField{},
		Parameters: []model.LookmlModelExploreField{}}
	for _, alias := range x.e.Aliases() {
		v := x.e.ViewOf(alias)
		if v == nil {
			continue
		}
		for _, f := range v.Fields {
			ref := semantic.FieldRef{Alias: alias, Field: f}
			if !x.e.Exposes(ref) {
				continue
			}
			w := x.field(ref)
			switch f.Kind {
			case semantic.Dimension:
				set.Dimensions = append(set.Dimensions, w)
			case semantic.Measure:
				set.Measures = append(set.Measures, w)
			case semantic.FilterOnly:
				set.Filters = append(set.Filters, w)
			case semantic.Parameter:
				set.Parameters = append(set.Parameters, w)
			}
		}
	}
	return set
}

// field is one field's metadata. LookML source (sql, the file link) is
// shown only to callers who may see LookML.
func (x *exploreWriter) field(ref semantic.FieldRef) model.LookmlModelExploreField {
	f, labels := ref.Field, catalog.FieldLabels(x.e, ref)
	numeric := isNumericType(f)
	w := model.LookmlModelExploreField{
		Name: ptr(ref.Name()), Type: ptr(f.Type), Category: ptr(f.Kind.String()), View: ptr(ref.Alias),
		OriginalView: ptr(f.View.Name), Scope: ptr(ref.Alias), Label: ptr(labels.Full), LabelShort: ptr(labels.Short),
		ViewLabel: ptr(labels.View), Description: optString(f.Description), Hidden: ptr(f.Hidden),
		PrimaryKey: ptr(f.PrimaryKey), Measure: ptr(f.Kind == semantic.Measure), Parameter: ptr(f.Kind == semantic.Parameter),
		IsFilter: ptr(f.Kind == semantic.FilterOnly), IsNumeric: ptr(numeric), IsTimeframe: ptr(f.IsTimeframe()),
		IsFiscal: ptr(strings.Contains(f.Timeframe, "fiscal")), Dynamic: ptr(false), Sortable: ptr(f.Kind != semantic.FilterOnly),
		CanFilter: ptr(true), CanTimeFilter: ptr(f.IsTimeframe()), Suggestable: ptr(f.Kind == semantic.Dimension && !numeric),
		FieldGroupLabel: optString(f.GroupLabel), FieldGroupVariant: optString(f.GroupItemLabel),
		ValueFormat: optString(f.ValueFormat), ValueFormatName: optString(f.ValueFormatName), StrictValueFormat: ptr(false),
		ConvertTz: ptr(f.ConvertTZ), Datatype: optString(f.Datatype), FiscalMonthOffset: ptr(int64(x.m.FiscalMonthOffset)),
		WeekStartDay: ptr(lookmlFirstSet(x.m.WeekStartDay, "monday")), DrillFields: nonNilStrings(f.DrillFields),
		Tags: nonNilStrings(f.Tags), ProjectName: optString(x.project), SourceFile: ptr(f.Pos.File),
		SourceFilePath: ptr(x.project + "/" + f.Pos.File), DefaultFilterValue: optString(f.DefaultValue),
		HasAllowedValues: ptr(len(f.AllowedValues) > 0), RequiresRefreshOnSort: ptr(false), TimesUsed: ptr(int64(0)),
		Align: ptr("left"), Suggestions: nil, UserAttributeFilterTypes: []string{"advanced_filter_string", "string"},
	}
	if numeric {
		w.Align = ptr("right")
		w.UserAttributeFilterTypes = []string{"advanced_filter_number", "number"}
	}
	if f.Group != nil {
		w.DimensionGroup = ptr(ref.Alias + "." + f.Group.Name)
	}
	if unit, ok := timeIntervals[f.Timeframe]; ok {
		w.TimeInterval = &model.LookmlModelExploreFieldTimeInterval{Name: ptr(unit), Count: ptr(int64(1))}
	}
	if len(f.AllowedValues) > 0 {
		for _, av := range f.AllowedValues {
			w.Enumerations = append(w.Enumerations, model.LookmlModelExploreFieldEnumeration{Label: ptr(lookmlFirstSet(av.Label, av.Value)), Value: av.Value})
		}
	}
	for _, mf := range f.Filters {
		w.Filters = append(w.Filters, model.LookmlModelExploreFieldMeasureFilters{Field: ptr(mf.Field), Condition: ptr(mf.Expr)})
	}
	if x.p.Can("see_lookml") {
		w.SQL = optString(f.SQL.Text)
		w.LookmlLink = ptr("/projects/" + x.project + "/files/" + f.Pos.File + "?line=" + strconv.Itoa(f.Pos.Line))
	}
	return w
}

// timeIntervals maps a timeframe that is a point in time to the interval
// one step of it spans.
var timeIntervals = map[string]string{"time": "second", "second": "second", "minute": "minute", "hour": "hour",
	"date": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year",
	"fiscal_quarter": "quarter", "fiscal_year": "year"}

// numericTypes are the field types whose values are numbers.
var numericTypes = map[string]bool{"number": true, "count": true, "count_distinct": true, "sum": true,
	"sum_distinct": true, "average": true, "average_distinct": true, "median": true, "median_distinct": true,
	"percentile": true, "percentile_distinct": true, "percent_of_total": true, "percent_of_previous": true,
	"running_total": true, "int": true}

// numericTimeframes are the timeframes that read as numbers, not points in time.
var numericTimeframes = map[string]bool{"day_of_month": true, "day_of_year": true, "hour_of_day": true,
	"month_num": true, "week_of_year": true, "quarter_of_year": true, "fiscal_month_num": true,
	"fiscal_quarter_of_year": true}

func isNumericType(f *semantic.Field) bool {
	if f.DurationInterval != "" {
		return true
	}
	if f.IsTimeframe() {
		return numericTimeframes[f.Timeframe]
	}
	return numericTypes[f.Type]
}

func lookmlFirstSet(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

func lookmlSortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
