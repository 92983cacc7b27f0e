package looker40

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	// The zone database travels in the binary, so zones resolve on hosts
	// without /usr/share/zoneinfo.
	_ "time/tzdata"

	"github.com/overlookbi/overlook/internal/access"
	"github.com/overlookbi/overlook/internal/api/model"
)

func init() { register(registerConfigZones) }

func registerConfigZones(api huma.API, b *Backend) {
	handle(api, op{ID: "all_timezones", Method: http.MethodGet, Path: "/timezones", Tag: tagConfig, Perm: access.Authenticated,
		Summary: "Time zones Overlook offers"}, b.allTimezones)
	handle(api, op{ID: "all_locales", Method: http.MethodGet, Path: "/locales", Tag: tagConfig, Perm: access.Authenticated,
		Summary: "Locales Overlook offers"}, b.allLocales)
}

// timezoneNames is a curated list of IANA zones: the canonical zone of
// each populated region, ordered by group then name. A test checks that
// each one loads.
var timezoneNames = strings.Fields(`
UTC
Africa/Abidjan Africa/Accra Africa/Addis_Ababa Africa/Algiers Africa/Cairo Africa/Casablanca
Africa/Dar_es_Salaam Africa/Johannesburg Africa/Khartoum Africa/Kinshasa Africa/Lagos Africa/Luanda
Africa/Maputo Africa/Nairobi Africa/Tripoli Africa/Tunis Africa/Windhoek
America/Anchorage America/Argentina/Buenos_Aires America/Asuncion America/Bogota America/Caracas
America/Chicago America/Chihuahua America/Denver America/Edmonton America/Guatemala America/Halifax
America/Havana America/Indiana/Indianapolis America/La_Paz America/Lima America/Los_Angeles
America/Manaus America/Mexico_City America/Montevideo America/New_York America/Noronha America/Panama
America/Phoenix America/Puerto_Rico America/Regina America/Santiago America/Santo_Domingo
America/Sao_Paulo America/St_Johns America/Tijuana America/Toronto America/Vancouver America/Winnipeg
Asia/Almaty Asia/Amman Asia/Baghdad Asia/Baku Asia/Bangkok Asia/Beirut Asia/Colombo Asia/Dhaka
Asia/Dubai Asia/Ho_Chi_Minh Asia/Hong_Kong Asia/Irkutsk Asia/Jakarta Asia/Jerusalem Asia/Kabul
Asia/Karachi Asia/Kathmandu Asia/Kolkata Asia/Krasnoyarsk Asia/Kuala_Lumpur Asia/Kuwait Asia/Manila
Asia/Novosibirsk Asia/Riyadh Asia/Seoul Asia/Shanghai Asia/Singapore Asia/Taipei Asia/Tashkent
Asia/Tbilisi Asia/Tehran Asia/Tokyo Asia/Ulaanbaatar Asia/Vladivostok Asia/Yakutsk Asia/Yangon
Asia/Yekaterinburg Asia/Yerevan
Atlantic/Azores Atlantic/Cape_Verde Atlantic/Reykjavik Atlantic/South_Georgia
Australia/Adelaide Australia/Brisbane Australia/Darwin Australia/Hobart Australia/Melbourne
Australia/Perth Australia/Sydney
Europe/Amsterdam Europe/Athens Europe/Belgrade Europe/Berlin Europe/Brussels Europe/Bucharest
Europe/Budapest Europe/Copenhagen Europe/Dublin Europe/Helsinki Europe/Istanbul Europe/Kyiv
Europe/Lisbon Europe/London Europe/Madrid Europe/Minsk Europe/Moscow Europe/Oslo Europe/Paris
Europe/Prague Europe/Riga Europe/Rome Europe/Samara Europe/Sofia Europe/Stockholm Europe/Tallinn
Europe/Vienna Europe/Vilnius Europe/Warsaw Europe/Zurich
Indian/Maldives Indian/Mauritius
Pacific/Apia Pacific/Auckland Pacific/Chatham Pacific/Fiji Pacific/Guam Pacific/Honolulu
Pacific/Kiritimati Pacific/Midway Pacific/Noumea Pacific/Port_Moresby Pacific/Tongatapu
`)

// timezoneWire describes one zone: its group is the region, its label the
// place, with the current UTC offset.
func timezoneWire(name string, now time.Time) model.Timezone {
	group, place := "UTC", name
	if region, rest, ok := strings.Cut(name, "/"); ok {
		group, place = region, rest[strings.LastIndex(rest, "/")+1:]
	}
	label := strings.ReplaceAll(place, "_", " ")
	if loc, err := time.LoadLocation(name); err == nil {
		label = "(UTC" + now.In(loc).Format("-07:00") + ") " + label
	}
	return model.Timezone{Value: ptr(name), Label: ptr(label), Group: ptr(group)}
}

func (b *Backend) allTimezones(ctx context.Context, _ *struct{}) (*Out[[]model.Timezone], error) {
	now := time.Now()
	out := make([]model.Timezone, 0, len(timezoneNames))
	for _, name := range timezoneNames {
		out = append(out, timezoneWire(name, now))
	}
	return ok(out)
}

// locales Overlook offers: code, name in the language itself, English name.
var locales = [][3]string{
	{"en", "English", "English"},
	{"cs_CZ", "Čeština", "Czech"},
	{"da_DK", "Dansk", "Danish"},
	{"de_DE", "Deutsch", "German"},
	{"es_ES", "Español", "Spanish"},
	{"fi_FI", "Suomi", "Finnish"},
	{"fr_FR", "Français", "French"},
	{"hu_HU", "Magyar", "Hungarian"},
	{"it_IT", "Italiano", "Italian"},
	{"ja_JP", "日本語", "Japanese"},
	{"ko_KR", "한국어", "Korean"},
	{"lt_LT", "Lietuvių", "Lithuanian"},
	{"nb_NO", "Norsk bokmål", "Norwegian Bokmål"},
	{"nl_NL", "Nederlands", "Dutch"},
	{"pl_PL", "Polski", "Polish"},
	{"pt_BR", "Português (Brasil)", "Portuguese (Brazil)"},
	{"pt_PT", "Português (Portugal)", "Portuguese (Portugal)"},
	{"ru_RU", "Русский", "Russian"},
	{"sv_SE", "Svenska", "Swedish"},
	{"th_TH", "ไทย", "Thai"},
	{"tr_TR", "Türkçe", "Turkish"},
	{"uk_UA", "Українська", "Ukrainian"},
	{"zh_CN", "中文（简体）", "Chinese (Simplified)"},
	{"zh_TW", "中文（繁體）", "Chinese (Traditional)"},
}

func (b *Backend) allLocales(ctx context.Context, _ *struct{}) (*Out[[]model.Locale], error) {
	out := make([]model.Locale, 0, len(locales))
	for _, l := range locales {
		out = append(out, model.Locale{Code: ptr(l[0]), NativeName: ptr(l[1]), EnglishName: ptr(l[2])})
	}
	return ok(out)
}
