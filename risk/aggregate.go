package risk

import (
	"slices"
	"strings"

	"github.com/ismskit/ismskit/internal/natural"
	"github.com/ismskit/ismskit/iso27002"
)

// ControlTheme returns the key ByTheme groups a control under: the
// theme of a 2022 control ("organizational", "people", "physical",
// "technological"), the Annex A clause of a 2013 control ("A.9"), or the
// namespace of a custom control followed by a colon ("acme:").
func ControlTheme(id iso27002.ControlID) string {
	switch {
	case id.IsCustom():
		return id.Namespace() + ":"
	case id.Edition() == iso27002.Edition2022:
		code, _ := id.Theme().MarshalText()
		return string(code)
	case id.Edition() == iso27002.Edition2013:
		return id.Clause()
	}
	return ""
}

// Group is the aggregate of the risks that share a key. Risks with no
// key in the dimension (no asset, no control) are grouped under the
// empty key. The zero value is an empty group.
type Group struct {
	// The asset ID, owner, theme or control ID.
	Key string `json:"key"`
	// IDs of the risks in the group, in register order.
	Risks []string `json:"risks"`
	// Number of risks per risk level at the stage asked, indexed by the
	// level's rank (its index in Criteria.RiskLevels).
	LevelCounts []int `json:"levelCounts"`
	// The highest level in the group.
	MaxLevel string `json:"maxLevel"`
	// Rank of MaxLevel.
	MaxRank int `json:"maxRank"`
	// Sum of the scores.
	TotalScore int `json:"totalScore"`
}

// String returns the key, the risks and the highest level, as
// "people: R-1 R-4 (highest medium)".
func (g Group) String() string {
	return g.Key + ": " + strings.Join(g.Risks, " ") + " (highest " + g.MaxLevel + ")"
}

// Aggregate groups the assessed risks of the register by dimension d,
// using their ratings at stage s, and returns the groups in natural
// order of their keys. as are assessments of the register's risks (from
// AssessRegister); risks without an assessment are left out, and so are
// assessments of risks the register does not hold.
func Aggregate(reg Register, as []Assessment, d Dimension, s Stage) []Group {
	byID := make(map[string]Rating, len(as))
	for _, a := range as {
		byID[a.RiskID] = a.Rating(s)
	}
	nLevels := len(reg.Criteria.RiskLevels)
	groups := map[string]*Group{}
	add := func(key string, r *Risk, rt Rating) {
		g := groups[key]
		if g == nil {
			g = &Group{Key: key, LevelCounts: make([]int, nLevels), MaxRank: -1}
			groups[key] = g
		}
		if n := len(g.Risks); n > 0 && g.Risks[n-1] == r.ID {
			return // the same risk under the same key twice
		}
		g.Risks = append(g.Risks, r.ID)
		if rt.Rank >= 0 && rt.Rank < nLevels {
			g.LevelCounts[rt.Rank]++
		}
		if rt.Rank > g.MaxRank {
			g.MaxRank, g.MaxLevel = rt.Rank, rt.Level
		}
		g.TotalScore += rt.Score
	}
	for i := range reg.Risks {
		r := &reg.Risks[i]
		rt, ok := byID[r.ID]
		if !ok {
			continue
		}
		var keys []string
		switch d {
		case ByAsset:
			keys = r.Assets
		case ByOwner:
			keys = []string{r.Owner}
		case ByTheme:
			for _, c := range r.Controls {
				if k := ControlTheme(c.Control); !slices.Contains(keys, k) {
					keys = append(keys, k)
				}
			}
		case ByControl:
			for _, c := range r.Controls {
				keys = append(keys, c.Control.String())
			}
		}
		if len(keys) == 0 {
			keys = []string{""}
		}
		for _, k := range keys {
			add(k, r, rt)
		}
	}
	out := make([]Group, 0, len(groups))
	for _, g := range groups {
		out = append(out, *g)
	}
	slices.SortFunc(out, func(x, y Group) int { return natural.Compare(x.Key, y.Key) })
	return out
}
