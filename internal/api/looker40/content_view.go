package looker40

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
	"github.com/overlookbi/overlook/internal/overlook"
	"github.com/overlookbi/overlook/internal/store"
)

func init() { register(registerContentView) }

type contentViewSearchInput struct {
	FieldsParam
	SearchWindow
	ViewCount         string    `query:"view_count" doc:"View count to match"`
	GroupID           string    `query:"group_id" doc:"Only views by members of this group"`
	LookID            string    `query:"look_id" doc:"Look id to match"`
	DashboardID       string    `query:"dashboard_id" doc:"Dashboard id to match"`
	ContentMetadataID string    `query:"content_metadata_id" doc:"Content metadata id to match"`
	StartOfWeekDate   string    `query:"start_of_week_date" doc:"Week to match: the date of its Monday, YYYY-MM-DD"`
	AllTime           boolParam `query:"all_time" doc:"true: add up every week's views"`
	UserID            string    `query:"user_id" doc:"User id to match"`
	Sorts             string    `query:"sorts" doc:"Sort order: comma-separated field names, each optionally followed by desc"`
	FilterOr          boolParam `query:"filter_or" doc:"true: a result matches any criterion; false: all of them"`
}

func registerContentView(api huma.API, b *Backend) {
	handle(api, op{ID: "search_content_views", Method: http.MethodGet, Path: "/content_view/search", Tag: tagContent,
		Perm: access.Authenticated, Summary: "Find weekly view counts of content"}, b.searchContentViews)
}

func (b *Backend) searchContentViews(ctx context.Context, in *contentViewSearchInput) (*Paged[model.ContentView], error) {
	f := store.ContentViewFilter{AllTime: in.AllTime.Value, FilterOr: in.FilterOr.Value}
	lists := []struct {
		field, raw string
		dst        *[]int64
	}{{"view_count", in.ViewCount, &f.ViewCounts}, {"group_id", in.GroupID, &f.GroupIDs}, {"look_id", in.LookID, &f.LookIDs},
		{"dashboard_id", in.DashboardID, &f.DashboardIDs}, {"content_metadata_id", in.ContentMetadataID,
			&f.ContentMetadataIDs}, {"user_id", in.UserID, &f.UserIDs}}
	for _, l := range lists {
		ids, err := searchIDs(l.field, l.raw)
		if err != nil {
			return nil, err
		}
		*l.dst = ids
	}
	if week := strings.TrimSpace(in.StartOfWeekDate); week != "" {
		d, err := time.Parse(time.DateOnly, week)
		if err != nil {
			return nil, overlook.Invalid("start_of_week_date", "invalid", "%q is not a date (YYYY-MM-DD)", week)
		}
		f.StartOfWeek = store.WeekStart(d)
	}
	var err error
	if f.Sorts, err = ParseSorts(in.Sorts, store.ContentViewSortable); err != nil {
		return nil, err
	}
	limit, offset, err := in.pageParams().Window()
	if err != nil {
		return nil, err
	}
	list, err := b.Content.SearchContentViews(ctx, overlook.PrincipalFrom(ctx), f)
	if err != nil {
		return nil, err
	}
	total := len(list)
	list = window(list, limit, offset)
	out := make([]model.ContentView, len(list))
	for i, v := range list {
		out[i] = model.ContentView{ID: idString(v.ID), UserID: idString(v.UserID),
			ContentMetadataID: idString(v.ContentMetadataID), LookID: idString(v.LookID),
			DashboardID: idString(v.DashboardID), Title: ptr(v.Title), ViewCount: ptr(v.ViewCount),
			FavoriteCount: ptr(v.FavoriteCount), LastViewedAt: timeString(v.LastViewedAt),
			StartOfWeekDate: optString(v.StartOfWeek), Can: map[string]bool{"show": true}}
	}
	return page(ctx, b, out, in.pageParams(), total), nil
}

// recordView counts a read of a look or dashboard for system__activity and
// content_view. A failure to count is not the reader's: the read goes on.
func (b *Backend) recordView(ctx context.Context, contentMetadataID int64) {
	_ = b.Content.RecordView(ctx, overlook.PrincipalFrom(ctx), contentMetadataID)
}
