package filterexpr

import "math"

// Great-circle distance uses the haversine formula on a sphere of the
// Earth's mean radius. Only functions every target dialect has appear
// (ASIN, SQRT, POWER, SIN, COS); degrees become radians by multiplying,
// since BigQuery has no RADIANS().
const (
	earthRadiusSQL = "6371008.8"
	degToRadSQL    = "0.017453292519943295"
)

func (r *renderer) locationPred(p Predicate) string {
	switch n := p.(type) {
	case AtPoint:
		return "(" + r.lat + " = " + r.b.Bind(n.Lat) + " AND " + r.lon + " = " + r.b.Bind(n.Lon) + ")"
	case InBox:
		return r.box(n)
	case WithinDistance:
		return r.within(n)
	}
	return sqlFalse
}

func (r *renderer) box(n InBox) string {
	south, north := math.Min(n.Lat1, n.Lat2), math.Max(n.Lat1, n.Lat2)
	lat := "(" + r.lat + " >= " + r.b.Bind(south) + " AND " + r.lat + " <= " + r.b.Bind(north) + ")"
	join := " AND "
	if n.Lon1 > n.Lon2 { // crosses the antimeridian
		join = " OR "
	}
	lon := "(" + r.lon + " >= " + r.b.Bind(n.Lon1) + join + r.lon + " <= " + r.b.Bind(n.Lon2) + ")"
	return "(" + lat + " AND " + lon + ")"
}

// within binds the point in radians and the cosine of its latitude, so the
// SQL only computes with the row's own coordinates.
func (r *renderer) within(n WithinDistance) string {
	latR, lonR := n.Lat*math.Pi/180, n.Lon*math.Pi/180
	rowLat := "(" + r.lat + " * " + degToRadSQL + ")"
	rowLon := "(" + r.lon + " * " + degToRadSQL + ")"
	dLat := "POWER(SIN((" + rowLat + " - " + r.b.Bind(latR) + ") / 2), 2)"
	cosLat := "COS(" + rowLat + ") * " + r.b.Bind(math.Cos(latR))
	dLon := "POWER(SIN((" + rowLon + " - " + r.b.Bind(lonR) + ") / 2), 2)"
	dist := "2 * " + earthRadiusSQL + " * ASIN(SQRT(" + dLat + " + " + cosLat + " * " + dLon + "))"
	return "(" + dist + " <= " + r.b.Bind(n.Meters) + ")"
}
