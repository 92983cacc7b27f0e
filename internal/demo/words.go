package demo

// Word lists the generator draws from. They are indexed, never iterated
// as maps, so the same seed always picks the same words.

var firstNames = map[byte][]string{
	'F': {"Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
		"Nancy", "Lisa", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle",
		"Carol", "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca", "Laura", "Sharon", "Cynthia", "Kathleen",
		"Amy", "Angela", "Anna", "Brenda", "Emma", "Olivia", "Sofia", "Chloé", "Zoë", "Ingrid"},
	'M': {"James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
		"Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua",
		"Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Edward", "Jason", "Jeffrey", "Ryan",
		"Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Larry", "Justin", "José", "Søren"},
}

var lastNames = []string{
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
	"Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
	"Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
	"Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
	"Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
	"Müller", "O'Brien", "Kowalski", "Tanaka", "Silva", "Dubois", "Rossi", "Novak", "Larsen", "Chen",
}

var streets = []string{"Main St", "Oak Ave", "Pine St", "Maple Dr", "Cedar Ln", "Elm St", "Washington Blvd",
	"Lake Rd", "Hill St", "Park Ave", "Sunset Blvd", "River Rd", "Church St", "Spring St", "Highland Ave"}

// place is a city users live in and events come from.
type place struct {
	city, state, country string
	zip                  int // base postal code; users get zip+0..99
	lat, lon             float64
}

var places = []place{
	{"New York", "New York", "United States", 10001, 40.71, -74.01},
	{"Los Angeles", "California", "United States", 90001, 34.05, -118.24},
	{"Chicago", "Illinois", "United States", 60601, 41.88, -87.63},
	{"Houston", "Texas", "United States", 77001, 29.76, -95.37},
	{"Phoenix", "Arizona", "United States", 85001, 33.45, -112.07},
	{"Philadelphia", "Pennsylvania", "United States", 19101, 39.95, -75.17},
	{"San Antonio", "Texas", "United States", 78201, 29.42, -98.49},
	{"San Diego", "California", "United States", 92101, 32.72, -117.16},
	{"Dallas", "Texas", "United States", 75201, 32.78, -96.80},
	{"San Jose", "California", "United States", 95101, 37.34, -121.89},
	{"Austin", "Texas", "United States", 73301, 30.27, -97.74},
	{"Jacksonville", "Florida", "United States", 32099, 30.33, -81.66},
	{"Columbus", "Ohio", "United States", 43004, 39.96, -83.00},
	{"Charlotte", "North Carolina", "United States", 28201, 35.23, -80.84},
	{"Seattle", "Washington", "United States", 98101, 47.61, -122.33},
	{"Denver", "Colorado", "United States", 80201, 39.74, -104.99},
	{"Boston", "Massachusetts", "United States", 2108, 42.36, -71.06},
	{"Miami", "Florida", "United States", 33101, 25.76, -80.19},
	{"Atlanta", "Georgia", "United States", 30301, 33.75, -84.39},
	{"Portland", "Oregon", "United States", 97201, 45.52, -122.68},
	{"Detroit", "Michigan", "United States", 48201, 42.33, -83.05},
	{"Nashville", "Tennessee", "United States", 37201, 36.16, -86.78},
	{"Minneapolis", "Minnesota", "United States", 55401, 44.98, -93.27},
	{"New Orleans", "Louisiana", "United States", 70112, 29.95, -90.07},
	{"Salt Lake City", "Utah", "United States", 84101, 40.76, -111.89},
	{"London", "England", "United Kingdom", 1000, 51.51, -0.13},
	{"Manchester", "England", "United Kingdom", 1600, 53.48, -2.24},
	{"Paris", "Île-de-France", "France", 75001, 48.86, 2.35},
	{"Lyon", "Auvergne-Rhône-Alpes", "France", 69001, 45.76, 4.84},
	{"Berlin", "Berlin", "Germany", 10115, 52.52, 13.40},
	{"München", "Bayern", "Germany", 80331, 48.14, 11.58},
	{"Madrid", "Madrid", "Spain", 28001, 40.42, -3.70},
	{"Barcelona", "Catalunya", "Spain", 8001, 41.39, 2.17},
	{"São Paulo", "São Paulo", "Brasil", 1000, -23.55, -46.63},
	{"Rio de Janeiro", "Rio de Janeiro", "Brasil", 20000, -22.91, -43.17},
	{"Tokyo", "Tokyo", "Japan", 1000, 35.68, 139.69},
	{"Osaka", "Osaka", "Japan", 5300, 34.69, 135.50},
	{"Shanghai", "Shanghai", "China", 20000, 31.23, 121.47},
	{"Beijing", "Beijing", "China", 10000, 39.90, 116.41},
	{"Seoul", "Seoul", "South Korea", 4500, 37.57, 126.98},
	{"Sydney", "New South Wales", "Australia", 2000, -33.87, 151.21},
	{"Melbourne", "Victoria", "Australia", 3000, -37.81, 144.96},
	{"Toronto", "Ontario", "Canada", 5000, 43.65, -79.38},
	{"Bruxelles", "Brussels", "Belgium", 1000, 50.85, 4.35},
	{"Warszawa", "Mazowieckie", "Poland", 1000, 52.23, 21.01},
}

var trafficSources = []string{"Search", "Search", "Search", "Organic", "Organic", "Facebook", "Email", "Display"}
var eventSources = []string{"Adwords", "Adwords", "Email", "Facebook", "Organic", "YouTube"}
var browsers = []string{"Chrome", "Chrome", "Chrome", "Safari", "Safari", "Firefox", "Edge", "Other"}

var centers = []struct {
	name     string
	lat, lon float64
}{
	{"Memphis TN", 35.1174, -89.9711}, {"Chicago IL", 41.8369, -87.6847}, {"Houston TX", 29.7604, -95.3698},
	{"Los Angeles CA", 34.05, -118.25}, {"New Orleans LA", 29.95, -90.0667}, {"Port Authority of New York/New Jersey NY/NJ", 40.634, -73.7834},
	{"Philadelphia PA", 39.95, -75.1667}, {"Mobile AL", 30.6944, -88.0431}, {"Charleston SC", 32.7833, -79.9333},
	{"Savannah GA", 32.0167, -81.1167},
}

// category is a product category within a department, with its price range.
type category struct {
	department, name, noun string
	minPrice, maxPrice     float64
}

var categories = []category{
	{"Women", "Dresses", "Dress", 20, 300}, {"Women", "Tops & Tees", "Top", 8, 80}, {"Women", "Jeans", "Jeans", 25, 200},
	{"Women", "Sweaters", "Sweater", 25, 250}, {"Women", "Intimates", "Bra", 8, 70}, {"Women", "Swim", "Swimsuit", 15, 150},
	{"Women", "Accessories", "Scarf", 5, 120}, {"Women", "Outerwear & Coats", "Coat", 50, 600}, {"Women", "Shorts", "Shorts", 10, 90},
	{"Women", "Skirts", "Skirt", 15, 160}, {"Women", "Socks & Hosiery", "Tights", 4, 30}, {"Women", "Blazers & Jackets", "Blazer", 40, 400},
	{"Men", "Jeans", "Jeans", 25, 220}, {"Men", "Tops & Tees", "T-Shirt", 8, 70}, {"Men", "Sweaters", "Sweater", 25, 260},
	{"Men", "Outerwear & Coats", "Jacket", 50, 900}, {"Men", "Underwear", "Boxer Briefs", 8, 50}, {"Men", "Pants", "Chinos", 20, 180},
	{"Men", "Shorts", "Shorts", 10, 90}, {"Men", "Swim", "Swim Trunks", 12, 110}, {"Men", "Socks", "Socks", 3, 30},
	{"Men", "Accessories", "Belt", 5, 150}, {"Men", "Suits & Sport Coats", "Suit", 90, 999}, {"Men", "Sleep & Lounge", "Pajamas", 12, 100},
}

var brands = []string{"Allegra K", "Calvin Klein", "Carhartt", "Columbia", "Dockers", "Hanes", "Levi's", "Nike",
	"Patagonia", "Quiksilver", "Ray-Ban", "Tommy Hilfiger", "Volcom", "Wrangler", "Adidas", "Under Armour",
	"Champion", "Diesel", "Lucky Brand", "Ralph Lauren", "Speedo", "The North Face", "Vans", "Zara", "Ékō", "Jöttnar"}

var adjectives = []string{"Classic", "Slim Fit", "Relaxed", "Vintage", "Essential", "Premium", "Lightweight",
	"Stretch", "Organic Cotton", "Heritage", "Performance", "Everyday", "Cozy", "Tailored", "Striped", "Printed"}
