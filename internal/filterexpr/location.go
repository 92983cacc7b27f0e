package filterexpr

// ParseLocation reads the location grammar:
//
//	36.97, -122.03                                   exactly that point
//	40 miles from 36.97, -122.03                     within a distance (meters, feet, kilometers, miles)
//	inside box from 72.33, -173.14 to 14.39, -61.70  inside a box (corner to corner)
//	NULL, NOT NULL, -NULL
func ParseLocation(expr string) (Predicate, error) {
	if err := checkText("location", expr); err != nil {
		return nil, err
	}
	s := &scanner{grammar: "location", src: expr}
	if s.atEnd() {
		return Any{}, nil
	}
	p, err := locationTerm(s)
	if err != nil {
		return nil, err
	}
	if !s.atEnd() {
		return nil, s.errf(s.pos, "unexpected text")
	}
	return p, nil
}

func locationTerm(s *scanner) (Predicate, error) {
	switch {
	case s.acceptWord("null"):
		return IsNull{}, nil
	case s.try(func() bool { return s.accept("-") && s.acceptWord("null") }):
		return Not{IsNull{}}, nil
	case s.acceptWord("not"):
		if !s.acceptWord("null") {
			return nil, s.errf(s.pos, "expected NULL")
		}
		return Not{IsNull{}}, nil
	case s.acceptWord("inside"):
		return box(s)
	}
	return pointOrCircle(s)
}

func box(s *scanner) (Predicate, error) {
	if !s.acceptWord("box") || !s.acceptWord("from") {
		return nil, s.errf(s.pos, "expected 'inside box from'")
	}
	lat1, lon1, err := latLon(s)
	if err != nil {
		return nil, err
	}
	if !s.acceptWord("to") {
		return nil, s.errf(s.pos, "expected 'to'")
	}
	lat2, lon2, err := latLon(s)
	if err != nil {
		return nil, err
	}
	return InBox{lat1, lon1, lat2, lon2}, nil
}

// metersPer converts the distance units of the grammar.
var metersPer = map[string]float64{
	"meters":     1,
	"feet":       0.3048,
	"kilometers": 1000,
	"miles":      1609.344,
}

func pointOrCircle(s *scanner) (Predicate, error) {
	start := s.pos
	d, err := s.float()
	if err != nil {
		return nil, err
	}
	perUnit, isCircle := metersPer[s.peekWord()]
	if !isCircle {
		s.pos = start
		lat, lon, err := latLon(s)
		return AtPoint{lat, lon}, err
	}
	s.acceptWord(s.peekWord())
	if d < 0 {
		return nil, s.errf(start, "distance must not be negative")
	}
	if !s.acceptWord("from") {
		return nil, s.errf(s.pos, "expected 'from'")
	}
	lat, lon, err := latLon(s)
	if err != nil {
		return nil, err
	}
	return WithinDistance{Lat: lat, Lon: lon, Meters: d * perUnit}, nil
}

func latLon(s *scanner) (lat, lon float64, err error) {
	s.skipSpace()
	at := s.pos
	if lat, err = s.float(); err != nil {
		return 0, 0, err
	}
	if !(lat >= -90 && lat <= 90) {
		return 0, 0, s.errf(at, "latitude must be between -90 and 90")
	}
	if !s.accept(",") {
		return 0, 0, s.errf(s.pos, "expected ',' between latitude and longitude")
	}
	s.skipSpace()
	at = s.pos
	if lon, err = s.float(); err != nil {
		return 0, 0, err
	}
	if !(lon >= -180 && lon <= 180) {
		return 0, 0, s.errf(at, "longitude must be between -180 and 180")
	}
	return lat, lon, nil
}
