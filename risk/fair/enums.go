package fair

import (
	"strconv"

	"github.com/ismskit/ismskit"
)

// Dist names a family of input distribution for an [Estimate]. The zero
// value is invalid: an estimate must say which family it uses.
type Dist uint8

// The distribution families.
const (
	_ Dist = iota
	// Constant: always Value.
	Constant
	// Uniform: uniform on [Low, High].
	Uniform
	// Triangular: triangular on [Low, High] with its peak at Mode.
	Triangular
	// PERT: a beta distribution scaled to [Low, High] around Mode; Form
	// chooses the classic or the moment-matched parameterisation and Gamma
	// the weight of the mode (4 when zero).
	PERT
	// LogNormal: lognormal whose 5th and 95th percentiles are Low and High
	// (a 90% confidence interval, as riskquant takes it).
	LogNormal
	// Normal: normal with Mean and StdDev, truncated to the node's domain:
	// [0, +inf) for frequencies and amounts, [0, 1] for probabilities.
	// Truncation conditions the distribution on the domain (it does not
	// pile the excluded mass on the bounds).
	Normal
	// Empirical: one of Values, each equally likely (resampling data the
	// user has).
	Empirical
	// Histogram: a bin of Bins picked in proportion to its weight, then a
	// value uniformly inside it.
	Histogram
)

var distNames = [...]string{"", "constant", "uniform", "triangular", "pert", "lognormal", "normal", "empirical", "histogram"}

// String returns the lower-case name ("pert"), or "Dist(n)" for an
// invalid value.
func (d Dist) String() string {
	if d.IsValid() {
		return distNames[d]
	}
	return "Dist(" + strconv.Itoa(int(d)) + ")"
}

// IsValid reports whether d is one of the named families.
func (d Dist) IsValid() bool { return d >= Constant && d <= Histogram }

// MarshalText encodes d as its lower-case name, and the zero value (no
// family chosen) as "".
func (d Dist) MarshalText() ([]byte, error) {
	if d == 0 {
		return []byte{}, nil
	}
	if !d.IsValid() {
		return nil, errorf(ismskit.ErrUnknownValue, "distribution %d is not valid", int(d))
	}
	return []byte(distNames[d]), nil
}

// UnmarshalText decodes a lower-case name, or "" as the zero value;
// anything else wraps [ismskit.ErrUnknownValue].
func (d *Dist) UnmarshalText(b []byte) error {
	if d == nil {
		return errorf(ismskit.ErrMissing, "no Dist to decode into")
	}
	if len(b) == 0 {
		*d = 0
		return nil
	}
	v, err := ParseDist(string(b))
	if err == nil {
		*d = v
	}
	return err
}

// ParseDist returns the family with the given lower-case name; anything
// else wraps [ismskit.ErrUnknownValue].
func ParseDist(s string) (Dist, error) {
	for i := Constant; i <= Histogram; i++ {
		if s == distNames[i] {
			return i, nil
		}
	}
	return 0, errorf(ismskit.ErrUnknownValue, "unknown distribution %q (want constant, uniform, triangular, pert, lognormal, normal, empirical or histogram)", s)
}

// PERTForm chooses how a [PERT] estimate turns (low, mode, high, gamma)
// into the shapes of its beta distribution. The zero value is Classic,
// the default everywhere in this package (an Estimate, [ClassicPERT], the
// JSON documents, the examples); pyfair uses Moment, and the two differ by
// about 8% at the 10th percentile of a typical scenario.
type PERTForm uint8

const (
	// Classic: alpha = 1 + gamma*u, beta = 1 + gamma*(1-u) with
	// u = (mode-low)/(high-low), as Vose, riskquant and
	// tensorflow-probability define it. The mean is
	// (low + gamma*mode + high)/(gamma+2).
	Classic PERTForm = iota
	// Moment: the beta distribution on [low, high] whose mean is
	// (low + gamma*mode + high)/(gamma+2) and whose standard deviation is
	// (high-low)/(gamma+2), as pyfair computes it. It has the classic
	// form's mean but is more skewed when the mode is off centre, and its
	// shapes can fall below 1 (a density that is infinite at an end).
	Moment
)

var formNames = [...]string{"classic", "moment"}

// String returns "classic" or "moment", or "PERTForm(n)" for an invalid
// value.
func (f PERTForm) String() string {
	if f.IsValid() {
		return formNames[f]
	}
	return "PERTForm(" + strconv.Itoa(int(f)) + ")"
}

// IsValid reports whether f is Classic or Moment.
func (f PERTForm) IsValid() bool { return f <= Moment }

// MarshalText encodes f as "classic" or "moment".
func (f PERTForm) MarshalText() ([]byte, error) {
	if !f.IsValid() {
		return nil, errorf(ismskit.ErrUnknownValue, "PERT form %d is not valid", int(f))
	}
	return []byte(formNames[f]), nil
}

// UnmarshalText decodes "classic" or "moment"; anything else wraps
// [ismskit.ErrUnknownValue].
func (f *PERTForm) UnmarshalText(b []byte) error {
	if f == nil {
		return errorf(ismskit.ErrMissing, "no PERTForm to decode into")
	}
	v, err := ParsePERTForm(string(b))
	if err == nil {
		*f = v
	}
	return err
}

// ParsePERTForm returns the form named "classic" or "moment"; anything
// else wraps [ismskit.ErrUnknownValue].
func ParsePERTForm(s string) (PERTForm, error) {
	switch s {
	case "classic":
		return Classic, nil
	case "moment":
		return Moment, nil
	}
	return 0, errorf(ismskit.ErrUnknownValue, "unknown PERT form %q (want classic or moment)", s)
}

// FrequencyMode is the meaning given to the loss event frequency. The zero
// value is invalid: a simulation must choose one explicitly, since the two
// give the same mean but very different annual loss distributions.
type FrequencyMode uint8

const (
	_ FrequencyMode = iota
	// Rate: each iteration's loss is LEF x LM, one frequency draw times one
	// magnitude draw, as pyfair computes it. A LEF of 0.3 gives a loss of
	// 0.3 times a magnitude in every iteration.
	Rate
	// Event: each iteration is a simulated year. It draws the year's LEF,
	// then a Poisson number of loss events with that mean, then a separate
	// magnitude for each event, and sums them, as riskquant does. Years
	// without an event lose nothing, so the annual loss distribution has an
	// atom at zero and a realistic tail.
	Event
	// Bernoulli: each iteration is a simulated year with at most one loss
	// event, which happens with probability LEF (so LEF must not exceed 1)
	// and costs one magnitude draw, as in Hubbard's one-for-one
	// substitution model. The mean is E[LEF] E[LM], as in the other modes.
	Bernoulli
)

var modeNames = [...]string{"", "rate", "event", "bernoulli"}

// String returns "rate", "event" or "bernoulli", or "FrequencyMode(n)"
// when invalid.
func (m FrequencyMode) String() string {
	if m.IsValid() {
		return modeNames[m]
	}
	return "FrequencyMode(" + strconv.Itoa(int(m)) + ")"
}

// IsValid reports whether m is Rate, Event or Bernoulli.
func (m FrequencyMode) IsValid() bool { return m >= Rate && m <= Bernoulli }

// MarshalText encodes m as "rate", "event" or "bernoulli", and the zero
// value (no mode chosen) as "".
func (m FrequencyMode) MarshalText() ([]byte, error) {
	if m == 0 {
		return []byte{}, nil
	}
	if !m.IsValid() {
		return nil, errorf(ismskit.ErrUnknownValue, "frequency mode %d is not valid", int(m))
	}
	return []byte(modeNames[m]), nil
}

// UnmarshalText decodes "rate", "event" or "bernoulli", or "" as the zero
// value; anything else wraps [ismskit.ErrUnknownValue].
func (m *FrequencyMode) UnmarshalText(b []byte) error {
	if m == nil {
		return errorf(ismskit.ErrMissing, "no FrequencyMode to decode into")
	}
	if len(b) == 0 {
		*m = 0
		return nil
	}
	v, err := ParseFrequencyMode(string(b))
	if err == nil {
		*m = v
	}
	return err
}

// ParseFrequencyMode returns the mode named "rate", "event" or
// "bernoulli"; anything else wraps [ismskit.ErrUnknownValue].
func ParseFrequencyMode(s string) (FrequencyMode, error) {
	for m := Rate; m <= Bernoulli; m++ {
		if s == modeNames[m] {
			return m, nil
		}
	}
	return 0, errorf(ismskit.ErrUnknownValue, "unknown frequency mode %q (want rate, event or bernoulli)", s)
}

// VulnerabilityMode says how vulnerability is derived from threat
// capability (TCap) and resistance strength (RS) when it is not given
// directly. The zero value is Pooled.
type VulnerabilityMode uint8

const (
	// Pooled estimates one probability, the share of all iterations in
	// which TCap > RS, and multiplies every iteration's TEF by it, as
	// pyfair does. LEF then varies only with TEF; its mean is the same as
	// under PerIteration.
	Pooled VulnerabilityMode = iota
	// PerIteration compares TCap and RS inside each iteration, so each
	// iteration is either vulnerable (LEF = TEF) or not (LEF = 0). The mean
	// is the same as under Pooled, but the spread is wider and a share
	// 1-V of iterations has no loss at all.
	PerIteration
)

var vulnNames = [...]string{"pooled", "periteration"}

// String returns "pooled" or "periteration", or "VulnerabilityMode(n)".
func (v VulnerabilityMode) String() string {
	if v.IsValid() {
		return vulnNames[v]
	}
	return "VulnerabilityMode(" + strconv.Itoa(int(v)) + ")"
}

// IsValid reports whether v is Pooled or PerIteration.
func (v VulnerabilityMode) IsValid() bool { return v <= PerIteration }

// MarshalText encodes v as "pooled" or "periteration".
func (v VulnerabilityMode) MarshalText() ([]byte, error) {
	if !v.IsValid() {
		return nil, errorf(ismskit.ErrUnknownValue, "vulnerability mode %d is not valid", int(v))
	}
	return []byte(vulnNames[v]), nil
}

// UnmarshalText decodes "pooled" or "periteration"; anything else wraps
// [ismskit.ErrUnknownValue].
func (v *VulnerabilityMode) UnmarshalText(b []byte) error {
	if v == nil {
		return errorf(ismskit.ErrMissing, "no VulnerabilityMode to decode into")
	}
	m, err := ParseVulnerabilityMode(string(b))
	if err == nil {
		*v = m
	}
	return err
}

// ParseVulnerabilityMode returns the mode named "pooled" or
// "periteration"; anything else wraps [ismskit.ErrUnknownValue].
func ParseVulnerabilityMode(s string) (VulnerabilityMode, error) {
	switch s {
	case "pooled":
		return Pooled, nil
	case "periteration":
		return PerIteration, nil
	}
	return 0, errorf(ismskit.ErrUnknownValue, "unknown vulnerability mode %q (want pooled or periteration)", s)
}
