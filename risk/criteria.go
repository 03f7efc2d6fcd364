package risk

import (
	"errors"
	"fmt"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/colour"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Scale bounds: a likelihood or impact scale has from MinScaleLevels to
// MaxScaleLevels levels.
const (
	MinScaleLevels = 3
	MaxScaleLevels = 10
)

// Criteria are the risk criteria of ISO/IEC 27001:2022 clause 6.1.2 a:
// the scales used to analyse risks, the matrix that turns a likelihood
// and an impact into a risk level, and the acceptance criteria. They are
// set before assessing, and every assessment records their ID and
// version (CriteriaRef) so that repeated assessments stay comparable
// (6.1.2 b).
//
// The zero value is not usable: NewAssessor and Validate report what is
// missing. Standard3x3, Standard4x4 and Standard5x5 return ready-made
// criteria to start from.
type Criteria struct {
	// 6.1.2 b: identifier of the criteria set. Required.
	ID string `json:"id"`
	// 6.1.2 b: version of the criteria set; a change of scale, matrix or
	// acceptance gets a new version. Required.
	Version string `json:"version"`
	// Human-readable name.
	Name string `json:"name,omitempty"`
	// 6.1.2 d 2: likelihood scale, lowest level first. Required.
	Likelihood Scale `json:"likelihood"`
	// 6.1.2 d 1: impact (consequence) scale, lowest level first. Required.
	Impact Scale `json:"impact"`
	// 6.1.2 d 3: the risk levels, lowest first; the order is the order
	// of severity, and a level's index is its rank. Required, at least
	// two.
	RiskLevels []Level `json:"riskLevels"`
	// 6.1.2 d 3: the grid from likelihood and impact to a level.
	Matrix Matrix `json:"matrix"`
	// 6.1.2 a 1: the risk acceptance criteria.
	Acceptance AcceptanceCriteria `json:"acceptance"`
}

// Ref returns the ID and version of c, as assessments record them.
func (c Criteria) Ref() CriteriaRef { return CriteriaRef{ID: c.ID, Version: c.Version} }

// CriteriaRef names a version of a criteria set (6.1.2 b). The zero
// value names none.
type CriteriaRef struct {
	// Criteria.ID. Required.
	ID string `json:"id"`
	// Criteria.Version. Required.
	Version string `json:"version"`
}

// String returns "id@version".
func (r CriteriaRef) String() string { return r.ID + "@" + r.Version }

// Scale is a likelihood or impact scale of ISO/IEC 27005:2022 clause
// 6.3 (criteria for performing assessments): 3 to 10 levels valued 1..n
// in order. The zero value has no levels and is invalid.
type Scale struct {
	// Name of the scale ("Likelihood", "Business impact").
	Name string `json:"name,omitempty"`
	// The levels, lowest first; Levels[i].Value is i+1. Required.
	Levels []ScaleLevel `json:"levels"`
}

// Len returns the number of levels.
func (s Scale) Len() int { return len(s.Levels) }

// Label returns the label of the level valued v, or "" when v is
// outside the scale.
func (s Scale) Label(v int) string {
	if v < 1 || v > len(s.Levels) {
		return ""
	}
	return s.Levels[v-1].Label
}

// ScaleLevel is one level of a Scale. The zero value is invalid (Value
// 0 and no label).
type ScaleLevel struct {
	// Position on the scale, 1 for the lowest. Required.
	Value int `json:"value"`
	// Short name ("Rare", "Major"). Required.
	Label string `json:"label"`
	// What the level means, in the organisation's words.
	Description string `json:"description,omitempty"`
	// Optional numeric band the level stands for.
	Band *Band `json:"band,omitempty"`
}

// Band is the numeric range a scale level stands for, such as "1 to 10
// times a year" or "EUR 100k to 1M". A nil bound is open. The zero value
// is an unbounded band with no unit.
type Band struct {
	// Lower bound, inclusive; nil means no lower bound.
	Min *float64 `json:"min,omitempty"`
	// Upper bound, exclusive; nil means no upper bound.
	Max *float64 `json:"max,omitempty"`
	// Unit of the bounds ("per year", "EUR").
	Unit string `json:"unit,omitempty"`
}

// Level is a risk level of the criteria ("low", "high"), with the colour
// used to draw it. Levels are ordered by their position in
// Criteria.RiskLevels, their rank. The zero value is invalid.
type Level struct {
	// Identifier used by the matrix and the acceptance criteria; lower
	// case by convention. Required.
	ID string `json:"id"`
	// Display name. Required.
	Label string `json:"label"`
	// Colour for heat maps, "#rrggbb". Required.
	Colour string `json:"colour"`
	// What the level means for the organisation.
	Description string `json:"description,omitempty"`
}

// Matrix is the risk matrix of the criteria, stored as a lookup grid so
// that non-square and non-multiplicative matrices work: Cells[l-1][i-1]
// is the ID of the risk level for likelihood l and impact i, with one row
// per likelihood level and one column per impact level. Scores gives
// each cell a number used to rank risks within a level; when Scores is
// empty the score of a cell is likelihood × impact. The zero value is an
// empty grid, invalid for any scale.
type Matrix struct {
	// 6.1.2 d 3: the risk level ID of each cell, rows by likelihood,
	// columns by impact. Required.
	Cells [][]string `json:"cells"`
	// Optional scores, same shape as Cells.
	Scores [][]int `json:"scores,omitempty"`
}

// AcceptanceCriteria are the risk acceptance criteria of ISO/IEC
// 27001:2022 clause 6.1.2 a 1: the highest risk level that may be
// retained without a recorded acceptance by the risk owner, and
// optional appetites that set a different level for a business unit or
// an asset category. The zero value is invalid (no level).
//
// The limit that applies to a risk is found as follows: the appetites
// that match the risk are collected (an appetite matches when each of
// its non-empty fields matches: BusinessUnit equals the risk's business
// unit, AssetCategory equals the category of at least one asset of the
// risk); if there are any, the lowest of their levels applies, otherwise
// MaxLevel does. So an appetite may be stricter or looser than the
// default, and when several match, the strictest wins.
//
// MaxAgeMonths bounds how long a recorded acceptance counts, whatever its
// own expiry: an acceptance made on day d no longer counts from the day
// MaxAgeMonths months later (d.AddDate(0, MaxAgeMonths, 0), with the
// month-end rule of ismskit.Date.AddDate: one month after 31 January is
// the last day of February). AcceptanceOf then reports it as
// AcceptanceTooOld, and NeedingAcceptance lists the risk again, so that
// owners renew their acceptances, for example every 12 months.
type AcceptanceCriteria struct {
	// 6.1.2 a 1: highest acceptable level, an ID of Criteria.RiskLevels. Required.
	MaxLevel string `json:"maxLevel"`
	// Appetites by business unit or asset category.
	Appetite []Appetite `json:"appetite,omitempty"`
	// The longest an acceptance counts, in months, 0 to MaxAcceptanceAge;
	// 0 means no maximum.
	MaxAgeMonths int `json:"maxAgeMonths,omitempty"`
}

// MaxAcceptanceAge is the largest AcceptanceCriteria.MaxAgeMonths: 100
// years.
const MaxAcceptanceAge = 1200

// Appetite is the acceptable level for one business unit, one asset
// category, or the pair. The zero value matches every risk and names no
// level, which is invalid.
type Appetite struct {
	// Business unit the appetite is for; empty matches any.
	BusinessUnit string `json:"businessUnit,omitempty"`
	// Asset category the appetite is for; empty matches any.
	AssetCategory string `json:"assetCategory,omitempty"`
	// Highest acceptable level, an ID of Criteria.RiskLevels. Required.
	MaxLevel string `json:"maxLevel"`
}

// Validate reports every problem of the criteria, each as a *ismskit.Error
// with its path (relative to the criteria) wrapping ErrMissing,
// ErrDuplicateID, ErrUnknownReference or ErrInvalidCriteria, joined. It
// returns nil for usable criteria.
func (c Criteria) Validate() error {
	var l fielderr.List
	c.validate(&l)
	return l.Err()
}

func (c Criteria) validate(l *fielderr.List) {
	if c.ID == "" {
		l.Add("id", ismskit.ErrMissing)
	}
	if c.Version == "" {
		l.Add("version", ismskit.ErrMissing)
	}
	validateScale(l, "likelihood", c.Likelihood)
	validateScale(l, "impact", c.Impact)

	index := make(map[string]int, len(c.RiskLevels))
	if len(c.RiskLevels) < 2 {
		l.Add("riskLevels", fmt.Errorf("%w: %d risk levels, need at least 2", ErrInvalidCriteria, len(c.RiskLevels)))
	}
	for i, lv := range c.RiskLevels {
		var el fielderr.List
		if lv.ID == "" {
			el.Add("id", ismskit.ErrMissing)
		} else if _, dup := index[lv.ID]; dup {
			el.Add("id", fmt.Errorf("%w: %q", ismskit.ErrDuplicateID, lv.ID))
		} else {
			index[lv.ID] = i
		}
		if lv.Label == "" {
			el.Add("label", ismskit.ErrMissing)
		}
		if !colour.Valid(lv.Colour) {
			el.Add("colour", fmt.Errorf("%w: colour %q is not #rrggbb", ErrInvalidCriteria, lv.Colour))
		}
		l.AddItem(fielderr.Index("riskLevels", i), lv.ID, el.Err())
	}

	nl, ni := len(c.Likelihood.Levels), len(c.Impact.Levels)
	m := c.Matrix
	if len(m.Cells) != nl {
		l.Add("matrix.cells", fmt.Errorf("%w: %d rows, the likelihood scale has %d levels", ErrInvalidCriteria, len(m.Cells), nl))
	}
	used := make([]bool, len(c.RiskLevels))
	for r, row := range m.Cells {
		rp := fielderr.Index("matrix.cells", r)
		if len(row) != ni {
			l.Add(rp, fmt.Errorf("%w: %d columns, the impact scale has %d levels", ErrInvalidCriteria, len(row), ni))
		}
		for col, id := range row {
			i, ok := index[id]
			if !ok && len(c.RiskLevels) > 0 { // no levels at all is reported once, above
				l.Add(fielderr.Index(rp, col), fmt.Errorf("%w: risk level %q", ismskit.ErrUnknownReference, id))
			}
			if ok {
				used[i] = true
			}
		}
	}
	if len(m.Scores) > 0 {
		if len(m.Scores) != nl {
			l.Add("matrix.scores", fmt.Errorf("%w: %d rows, the likelihood scale has %d levels", ErrInvalidCriteria, len(m.Scores), nl))
		}
		for r, row := range m.Scores {
			if len(row) != ni {
				l.Add(fielderr.Index("matrix.scores", r), fmt.Errorf("%w: %d columns, the impact scale has %d levels", ErrInvalidCriteria, len(row), ni))
			}
		}
	}
	if len(m.Cells) == nl && nl > 0 {
		for i, u := range used {
			if !u && c.RiskLevels[i].ID != "" {
				l.AddItem(fielderr.Index("riskLevels", i), c.RiskLevels[i].ID, fmt.Errorf("%w: level %q is used by no cell of the matrix", ErrInvalidCriteria, c.RiskLevels[i].ID))
			}
		}
	}

	checkLevel := func(path, id string) {
		if id == "" {
			l.Add(path, ismskit.ErrMissing)
		} else if _, ok := index[id]; !ok {
			l.Add(path, fmt.Errorf("%w: risk level %q", ismskit.ErrUnknownReference, id))
		}
	}
	checkLevel("acceptance.maxLevel", c.Acceptance.MaxLevel)
	if m := c.Acceptance.MaxAgeMonths; m < 0 || m > MaxAcceptanceAge {
		l.Add("acceptance.maxAgeMonths", errf(ismskit.ErrOutOfRange, "%d months is outside 0..%d", m, MaxAcceptanceAge))
	}
	if n := len(c.Acceptance.Appetite); n > maxAppetite {
		l.Add("acceptance.appetite", fmt.Errorf("%w: %d appetites, at most %d", ErrInvalidCriteria, n, maxAppetite))
	}
	for i, a := range c.Acceptance.Appetite {
		p := fielderr.Index("acceptance.appetite", i)
		checkLevel(p+".maxLevel", a.MaxLevel)
		if a.BusinessUnit == "" && a.AssetCategory == "" {
			l.Add(p, fmt.Errorf("%w: an appetite needs a business unit or an asset category", ismskit.ErrMissing))
		}
	}
}

func validateScale(l *fielderr.List, path string, s Scale) {
	n := len(s.Levels)
	if n < MinScaleLevels || n > MaxScaleLevels {
		l.Add(path+".levels", fmt.Errorf("%w: %d levels, a scale has %d to %d", ErrInvalidCriteria, n, MinScaleLevels, MaxScaleLevels))
	}
	for i, lv := range s.Levels {
		p := fielderr.Index(path+".levels", i)
		if lv.Value != i+1 {
			l.Add(p+".value", fmt.Errorf("%w: value %d at position %d, want %d (levels are valued 1..n in order)", ErrInvalidCriteria, lv.Value, i+1, i+1))
		}
		if lv.Label == "" {
			l.Add(p+".label", ismskit.ErrMissing)
		}
		if b := lv.Band; b != nil && b.Min != nil && b.Max != nil && *b.Min > *b.Max {
			l.Add(p+".band", fmt.Errorf("%w: band minimum %g above maximum %g", ErrInvalidCriteria, *b.Min, *b.Max))
		}
	}
}

// ProductMatrix builds the grid of a multiplicative matrix for a
// likelihood scale of nl levels and an impact scale of ni levels: the
// score of a cell is l × i, and its level is levels[k] for the largest k
// with thresholds[k] <= score. thresholds must start at 1 or lower, be
// strictly increasing and have one entry per level. Errors wrap
// ErrInvalidCriteria.
func ProductMatrix(nl, ni int, levels []string, thresholds []int) (Matrix, error) {
	return thresholdMatrix(nl, ni, levels, thresholds, func(l, i int) int { return l * i })
}

// SumMatrix builds the grid of an additive matrix: the score of a cell
// is l + i, and levels are chosen by thresholds as for ProductMatrix
// (the lowest score is 2).
func SumMatrix(nl, ni int, levels []string, thresholds []int) (Matrix, error) {
	return thresholdMatrix(nl, ni, levels, thresholds, func(l, i int) int { return l + i })
}

func thresholdMatrix(nl, ni int, levels []string, thresholds []int, score func(l, i int) int) (Matrix, error) {
	var errs []error
	if nl < MinScaleLevels || nl > MaxScaleLevels || ni < MinScaleLevels || ni > MaxScaleLevels {
		errs = append(errs, fmt.Errorf("%w: a %dx%d matrix; scales have %d to %d levels", ErrInvalidCriteria, nl, ni, MinScaleLevels, MaxScaleLevels))
	}
	if len(levels) == 0 || len(levels) != len(thresholds) {
		errs = append(errs, fmt.Errorf("%w: %d levels and %d thresholds", ErrInvalidCriteria, len(levels), len(thresholds)))
	}
	for k := 1; k < len(thresholds); k++ {
		if thresholds[k] <= thresholds[k-1] {
			errs = append(errs, fmt.Errorf("%w: thresholds must increase (%d after %d)", ErrInvalidCriteria, thresholds[k], thresholds[k-1]))
		}
	}
	if len(thresholds) > 0 && thresholds[0] > score(1, 1) {
		errs = append(errs, fmt.Errorf("%w: first threshold %d above the lowest score %d", ErrInvalidCriteria, thresholds[0], score(1, 1)))
	}
	if len(errs) > 0 {
		return Matrix{}, errors.Join(errs...)
	}
	m := Matrix{Cells: make([][]string, nl), Scores: make([][]int, nl)}
	for l := 1; l <= nl; l++ {
		m.Cells[l-1] = make([]string, ni)
		m.Scores[l-1] = make([]int, ni)
		for i := 1; i <= ni; i++ {
			s := score(l, i)
			k := 0
			for k+1 < len(thresholds) && thresholds[k+1] <= s {
				k++
			}
			m.Cells[l-1][i-1] = levels[k]
			m.Scores[l-1][i-1] = s
		}
	}
	return m, nil
}

// The colours of the ready-made levels.
const (
	colourLow      = "#2e7d32"
	colourMedium   = "#f9a825"
	colourHigh     = "#ef6c00"
	colourCritical = "#c62828"
)

func scale(name string, labels ...string) Scale {
	s := Scale{Name: name, Levels: make([]ScaleLevel, len(labels))}
	for i, lb := range labels {
		s.Levels[i] = ScaleLevel{Value: i + 1, Label: lb}
	}
	return s
}

// Standard3x3 returns ready-made criteria "standard-3x3" version "1": a
// 3-level likelihood and impact scale, a product matrix with the levels
// low (score 1-2), medium (3-4) and high (6-9), and "low" as the
// acceptance limit.
func Standard3x3() Criteria {
	levels := []Level{
		{ID: "low", Label: "Low", Colour: colourLow},
		{ID: "medium", Label: "Medium", Colour: colourMedium},
		{ID: "high", Label: "High", Colour: colourCritical},
	}
	m, _ := ProductMatrix(3, 3, []string{"low", "medium", "high"}, []int{1, 3, 6})
	return Criteria{
		ID: "standard-3x3", Version: "1", Name: "3x3 product matrix",
		Likelihood: scale("Likelihood", "Unlikely", "Possible", "Likely"),
		Impact:     scale("Impact", "Minor", "Moderate", "Severe"),
		RiskLevels: levels, Matrix: m,
		Acceptance: AcceptanceCriteria{MaxLevel: "low"},
	}
}

// Standard4x4 returns ready-made criteria "standard-4x4" version "1": a
// 4-level scale each way, a product matrix with the levels low (1-3),
// medium (4-6), high (8-9) and critical (12-16), and "medium" as the
// acceptance limit.
func Standard4x4() Criteria {
	levels := []Level{
		{ID: "low", Label: "Low", Colour: colourLow},
		{ID: "medium", Label: "Medium", Colour: colourMedium},
		{ID: "high", Label: "High", Colour: colourHigh},
		{ID: "critical", Label: "Critical", Colour: colourCritical},
	}
	m, _ := ProductMatrix(4, 4, []string{"low", "medium", "high", "critical"}, []int{1, 4, 8, 12})
	return Criteria{
		ID: "standard-4x4", Version: "1", Name: "4x4 product matrix",
		Likelihood: scale("Likelihood", "Rare", "Unlikely", "Likely", "Almost certain"),
		Impact:     scale("Impact", "Minor", "Moderate", "Major", "Severe"),
		RiskLevels: levels, Matrix: m,
		Acceptance: AcceptanceCriteria{MaxLevel: "medium"},
	}
}

// Standard5x5 returns ready-made criteria "standard-5x5" version "1": a
// 5-level scale each way, a product matrix with the levels low (1-4),
// medium (5-9), high (10-16) and critical (20-25), and "medium" as the
// acceptance limit.
func Standard5x5() Criteria {
	levels := []Level{
		{ID: "low", Label: "Low", Colour: colourLow},
		{ID: "medium", Label: "Medium", Colour: colourMedium},
		{ID: "high", Label: "High", Colour: colourHigh},
		{ID: "critical", Label: "Critical", Colour: colourCritical},
	}
	m, _ := ProductMatrix(5, 5, []string{"low", "medium", "high", "critical"}, []int{1, 5, 10, 20})
	return Criteria{
		ID: "standard-5x5", Version: "1", Name: "5x5 product matrix",
		Likelihood: scale("Likelihood", "Rare", "Unlikely", "Possible", "Likely", "Almost certain"),
		Impact:     scale("Impact", "Negligible", "Minor", "Moderate", "Major", "Severe"),
		RiskLevels: levels, Matrix: m,
		Acceptance: AcceptanceCriteria{MaxLevel: "medium"},
	}
}
