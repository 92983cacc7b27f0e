package dashboard

// GridColumns is the width of Looker's dashboard grid.
const GridColumns = 24

// Gap is the space, in pixels, kept inside each cell around its tile.
const Gap = 4

// Rect is a tile's place on the page, in pixels.
type Rect struct {
	X int64 `json:"x"`
	Y int64 `json:"y"`
	W int64 `json:"w"`
	H int64 `json:"h"`
}

// Cell is a tile's place on the grid (a layout component): row and column
// of its top left corner, and its size in columns and rows.
type Cell struct {
	Row, Column, Width, Height int64
}

// Layout places cells on a width × height page: the 24 columns span the
// width and the rows the grid uses span the height, so the whole layout
// fills the page; each tile keeps Gap pixels from its cell's edges.
func Layout(cells []Cell, width, height int64) []Rect {
	rows := int64(1)
	for _, c := range cells {
		rows = max(rows, c.Row+c.Height)
	}
	out := make([]Rect, len(cells))
	for i, c := range cells {
		col, w := clamp(c.Column, 0, GridColumns-1), max(c.Width, 1)
		x0, x1 := col*width/GridColumns, min(col+w, GridColumns)*width/GridColumns
		y0, y1 := max(c.Row, 0)*height/rows, (max(c.Row, 0)+max(c.Height, 1))*height/rows
		out[i] = Rect{X: x0 + Gap, Y: y0 + Gap, W: max(x1-x0-2*Gap, 1), H: max(y1-y0-2*Gap, 1)}
	}
	return out
}

// AutoCells places n tiles without a layout two to a row, each half the
// grid wide and six rows high.
func AutoCells(n int) []Cell {
	cells := make([]Cell, n)
	for i := range cells {
		cells[i] = Cell{Row: int64(i/2) * 6, Column: int64(i%2) * 12, Width: 12, Height: 6}
	}
	if n%2 == 1 {
		cells[n-1].Width = GridColumns
	}
	return cells
}

// Whole is the one cell of a page showing a single tile.
var Whole = []Cell{{Row: 0, Column: 0, Width: GridColumns, Height: 1}}

func clamp(v, lo, hi int64) int64 { return min(max(v, lo), hi) }
