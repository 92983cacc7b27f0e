package dashboard

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// plain are the colours of the page that are not ink: the page, a card
// and its border.
var plain = []color.RGBA{{0xf1, 0xf3, 0xf4, 0xff}, {0xff, 0xff, 0xff, 0xff}, {0xda, 0xdc, 0xe0, 0xff}}

// isInk reports whether c differs from every plain colour by more than a
// little (JPEG and anti-aliasing blur edges).
func isInk(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	for _, p := range plain {
		if absDiff(r>>8, uint32(p.R))+absDiff(g>>8, uint32(p.G))+absDiff(b>>8, uint32(p.B)) < 24 {
			return false
		}
	}
	return true
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// inkIn counts the ink pixels inside r.
func inkIn(img image.Image, r Rect) int {
	n := 0
	for y := r.Y; y < r.Y+r.H; y++ {
		for x := r.X; x < r.X+r.W; x++ {
			if isInk(img.At(int(x), int(y))) {
				n++
			}
		}
	}
	return n
}

// CheckPNG decodes a rendered PNG and fails unless it is exactly width ×
// height and every rect holds ink.
func CheckPNG(t *testing.T, data []byte, width, height int64, rects []Rect) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decode png: %v", err)
	}
	if b := img.Bounds(); int64(b.Dx()) != width || int64(b.Dy()) != height {
		t.Fatalf("image is %d×%d, asked %d×%d", b.Dx(), b.Dy(), width, height)
	}
	for i, r := range rects {
		if n := inkIn(img, r); n < 20 {
			t.Errorf("tile %d at %+v: %d ink pixels", i, r, n)
		}
	}
	return img
}
