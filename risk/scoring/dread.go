package scoring

import (
	"fmt"
	"math"
	"strconv"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Aggregation says how DREAD combines its five ratings. The zero value is
// AggregateMean. It encodes as lower-case text ("mean", "sum").
type Aggregation uint8

const (
	// AggregateMean: the score is the mean of the five ratings, on the
	// scale of one rating.
	AggregateMean Aggregation = iota
	// AggregateSum: the score is the sum of the five ratings (5..15 on a
	// 1..3 scale, as in the classic Microsoft table).
	AggregateSum
)

var aggregationNames = [...]string{"mean", "sum"}

// String returns "mean" or "sum".
func (a Aggregation) String() string {
	if int(a) < len(aggregationNames) {
		return aggregationNames[a]
	}
	return fmt.Sprintf("Aggregation(%d)", uint8(a))
}

// MarshalText implements encoding.TextMarshaler.
func (a Aggregation) MarshalText() ([]byte, error) {
	if int(a) >= len(aggregationNames) {
		return nil, fmt.Errorf("%w %d for an aggregation", ismskit.ErrUnknownValue, uint8(a))
	}
	return []byte(aggregationNames[a]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; an unknown name is
// ErrUnknownValue.
func (a *Aggregation) UnmarshalText(text []byte) error {
	if a == nil {
		return fielderr.Errorf(ismskit.ErrMissing, "UnmarshalText into a nil *Aggregation")
	}
	for i, n := range aggregationNames {
		if string(text) == n {
			*a = Aggregation(i)
			return nil
		}
	}
	return fmt.Errorf("%w %q for an aggregation (want mean or sum)", ismskit.ErrUnknownValue, text)
}

// Band is one severity band of DREAD: a score at or above From, and below
// the From of the next band, has this Label. The zero value is a band from
// 0 with no label (invalid in a configuration).
type Band struct {
	// Lowest score of the band, inclusive.
	From float64 `json:"from"`
	// Severity given to the band's scores, such as "high". Required.
	Label string `json:"label"`
}

// The five DREAD ratings, in canonical order: Damage, Reproducibility,
// Exploitability, Affected users, Discoverability. Discoverability is "DI",
// since "D" is taken by Damage.
var dreadKeys = []string{"D", "R", "E", "A", "DI"}

var dreadParts = [5]string{"damage", "reproducibility", "exploitability", "affectedUsers", "discoverability"}

// DREAD is the DREAD threat rating as a scoring Method: five ratings
// (Damage, Reproducibility, Exploitability, Affected users,
// Discoverability) on a configurable integer scale, combined by mean or
// sum, and mapped to a severity by bands.
//
// The vector gives the five ratings, "D:8/R:6/E:5/A:9/DI:7", in any order;
// all five are required and each must lie on the scale.
//
// The zero value rates on 0..10 with the mean and three default bands.
// Default bands cut the range of possible scores into three equal thirds,
// "low", "medium" and "high": on 0..10 with the mean, low below 3.33...,
// medium below 6.66..., high from there. Set Bands for another table, such
// as the classic 1..3 scale summed, low 5..7, medium 8..11, high 12..15.
// A DREAD value is safe for concurrent use; do not modify Bands while it
// is in use.
type DREAD struct {
	// Lowest and highest rating, inclusive. Both zero means 0..10.
	// Otherwise 0 <= Min < Max <= 100000.
	Min int `json:"min,omitempty"`
	Max int `json:"max,omitempty"`
	// How the five ratings combine into the score.
	Aggregate Aggregation `json:"aggregate"`
	// Severity bands in increasing order of From; the first From must not
	// exceed the lowest possible score. Nil means the default thirds.
	Bands []Band `json:"bands,omitempty"`
	// Optional name of the configuration (such as "acme-2024"), appended
	// to the version. Set it when Bands are custom, so that results from
	// different band tables do not share a version. It must not contain
	// "/".
	Profile string `json:"profile,omitempty"`
}

func (d DREAD) scale() (lo, hi int) {
	if d.Min == 0 && d.Max == 0 {
		return 0, 10
	}
	return d.Min, d.Max
}

// bounds returns the lowest and highest possible score.
func (d DREAD) bounds() (lo, hi float64) {
	a, b := d.scale()
	if d.Aggregate == AggregateSum {
		return float64(5 * a), float64(5 * b)
	}
	return float64(a), float64(b)
}

// Name returns "dread".
func (DREAD) Name() string { return "dread" }

// Version returns "1/" followed by the scale, the aggregation and the
// profile if any, such as "1/0..10/mean" or "1/1..3/sum/acme-2024": each
// changes the results, so each is part of the version.
func (d DREAD) Version() string {
	lo, hi := d.scale()
	v := "1/" + strconv.Itoa(lo) + ".." + strconv.Itoa(hi) + "/" + d.Aggregate.String()
	if d.Profile != "" {
		v += "/" + d.Profile
	}
	return v
}

// Validate reports every problem of the configuration, each a *FieldError
// naming the field ("max", "bands[1].from") and wrapping ErrConfig.
func (d DREAD) Validate() error {
	var l fielderr.List
	bad := func(path, format string, args ...any) {
		l.Add(path, fmt.Errorf("%w: "+format, append([]any{ErrConfig}, args...)...))
	}
	if !(d.Min == 0 && d.Max == 0) {
		if d.Min < 0 {
			bad("min", "%d is negative", d.Min)
		}
		if d.Max > 100000 {
			bad("max", "%d is above 100000", d.Max)
		}
		if d.Min >= d.Max {
			bad("max", "%d is not above min %d", d.Max, d.Min)
		}
	}
	if d.Aggregate > AggregateSum {
		bad("aggregate", "unknown aggregation %d", uint8(d.Aggregate))
	}
	for i := 0; i < len(d.Profile); i++ {
		if d.Profile[i] == '/' {
			bad("profile", "%q contains /", d.Profile)
			break
		}
	}
	if l.Len() == 0 {
		lo, _ := d.bounds()
		for i, b := range d.Bands {
			p := fielderr.Index("bands", i)
			if b.Label == "" {
				bad(p+".label", "empty label")
			}
			switch {
			case math.IsNaN(b.From) || math.IsInf(b.From, 0):
				bad(p+".from", "%v is not a finite number", b.From)
			case i == 0 && b.From > lo:
				bad(p+".from", "%v is above the lowest possible score %v", b.From, lo)
			case i > 0 && !(b.From > d.Bands[i-1].From):
				bad(p+".from", "%v is not above the previous band's %v", b.From, d.Bands[i-1].From)
			}
		}
	}
	return l.Err()
}

// band returns the label of score.
func (d DREAD) band(score float64) string {
	if d.Bands == nil {
		lo, hi := d.bounds()
		third := (hi - lo) / 3
		switch {
		case score < lo+third:
			return "low"
		case score < lo+2*third:
			return "medium"
		}
		return "high"
	}
	label := d.Bands[0].Label
	for _, b := range d.Bands[1:] {
		if score < b.From {
			break
		}
		label = b.Label
	}
	return label
}

// Score rates a DREAD vector. An invalid configuration is reported as by
// Validate; vector errors name the rating: unknown, repeated, not an
// integer, outside the scale, or missing.
func (d DREAD) Score(vector string) (Result, error) {
	if err := d.Validate(); err != nil {
		return Result{}, err
	}
	lo, hi := d.scale()
	fs := factorSet{keys: dreadKeys, lo: lo, hi: hi}
	var vals [5]int
	present, errs := fs.parse(vector, vals[:])
	errs = fs.missing(errs, present, 0, 5)
	if errs != nil {
		return Result{}, joinErrs(errs)
	}
	total := float64(sum(vals[:]))
	if d.Aggregate == AggregateMean {
		total /= 5
	}
	var buf [64]byte
	r := Result{
		Method:   d.Name(),
		Version:  d.Version(),
		Vector:   string(fs.appendFactors(buf[:0], vals[:], present)),
		Score:    total,
		Severity: d.band(total),
		Parts:    make([]Part, 5),
	}
	for i, name := range dreadParts {
		r.Parts[i] = Part{Name: name, Score: float64(vals[i])}
	}
	return r, nil
}
