package content

import (
	"regexp"
	"strings"
)

// standardCollections are Overlook's built-in color collections; the first
// is the default of a new instance. The colors are our own choice.
var standardCollections = []ColorCollection{
	standard("overlook-harbor", "Harbor",
		[]string{"#1F6FB2", "#F28E2B", "#3BA272", "#D6455D", "#8C6BB1", "#B07A4A", "#E377C2", "#7F8C8D", "#BCBD22", "#17A2B8"},
		[]string{"#EEF5FB", "#1F6FB2", "#0B2E4F"}, []string{"#B2182B", "#F7F7F7", "#2166AC"}),
	standard("overlook-meadow", "Meadow",
		[]string{"#4E9A06", "#C4A000", "#CE5C00", "#204A87", "#5C3566", "#8F5902", "#A40000", "#2E3436", "#729FCF", "#AD7FA8"},
		[]string{"#F4FAEC", "#73B839", "#2D5A08"}, []string{"#8E3B1C", "#FBF7EE", "#2D6A4F"}),
	standard("overlook-dusk", "Dusk",
		[]string{"#5B4B8A", "#E07A5F", "#3D405B", "#81B29A", "#F2CC8F", "#9C6644", "#6D597A", "#B56576", "#355070", "#EAAC8B"},
		[]string{"#F6F1FA", "#8E6BBF", "#2E1F4D"}, []string{"#E07A5F", "#F4F1DE", "#3D405B"}),
}

func standard(id, label string, categorical, sequential, diverging []string) ColorCollection {
	return ColorCollection{
		ID: id, Label: label, Standard: true,
		Categorical: []DiscretePalette{{ID: id + "-categorical-0", Label: label + " categorical",
			Type: paletteCategorical, Colors: categorical}},
		Sequential: []ContinuousPalette{{ID: id + "-sequential-0", Label: label + " sequential",
			Type: paletteSequential, Stops: evenStops(sequential)}},
		Diverging: []ContinuousPalette{{ID: id + "-diverging-0", Label: label + " diverging",
			Type: paletteDiverging, Stops: evenStops(diverging)}},
	}
}

// evenStops spreads colors evenly from offset 0 to 100.
func evenStops(colors []string) []ColorStop {
	out := make([]ColorStop, len(colors))
	for i, c := range colors {
		out[i] = ColorStop{Color: c, Offset: int64(i * 100 / max(len(colors)-1, 1))}
	}
	return out
}

var (
	hexColor   = regexp.MustCompile(`^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$`)
	funcColor  = regexp.MustCompile(`^(rgb|rgba|hsl|hsla)\(\s*[0-9.%]+(\s*[,\s/]\s*[0-9.%]+){2,3}\s*\)$`)
	namedColor = regexp.MustCompile(`^[a-zA-Z]{3,30}$`)
)

// isCSSColor accepts hex colors, rgb()/hsl() forms and color names.
func isCSSColor(s string) bool {
	s = strings.TrimSpace(s)
	return hexColor.MatchString(s) || funcColor.MatchString(s) || namedColor.MatchString(s)
}
