package audit

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27002"
)

// Basis is what an audit programme has to cover, as plain values a caller
// takes from its ISMS: the edition of ISO/IEC 27001 whose requirement items
// are audited (clauses 4 to 10), the control catalog, the applicable
// controls of the Statement of Applicability (6.1.3 d) and the high-risk
// controls, those that treat risks above a level the caller names (see
// HighRiskControls for a risk register). Adapters fill it from package
// soa and package risk values.
//
// The zero Basis means ISO/IEC 27001:2022 with Amd 1:2024, the 2022 catalog
// and no SoA: control references are then checked against the catalog only
// and no control needs auditing.
//
// In JSON, Standard is its edition and amendments ({"edition": "2022",
// "amendments": ["amd1-2024"]}) and Catalog the catalog's own JSON form;
// a nil pointer is left out.
type Basis struct {
	// Standard is the edition of clauses 4 to 10; nil means
	// iso27001.Latest().
	Standard *iso27001.Standard
	// Catalog holds the controls the SoA lists; nil means
	// iso27002.Catalog2022().
	Catalog *iso27002.Catalog
	// Applicable are the applicable controls of the SoA (6.1.3 d). Every one
	// must be audited in the cycle, and findings may only name these.
	Applicable []iso27002.ControlID
	// HighRisk are the controls treating risks above the caller's level:
	// they are audited more often (Programme.HighRiskAudits). Each must be
	// applicable.
	HighRisk []iso27002.ControlID
}

// isZero reports whether *p is its type's zero value: a Standard or a
// Catalog made with new instead of their constructors, whose methods are
// not safe to call.
func isZero[T any](p *T) bool { return reflect.ValueOf(p).Elem().IsZero() }

// basisJSON is the JSON form of a Basis.
type basisJSON struct {
	Standard   *standardJSON        `json:"standard,omitempty"`
	Catalog    *iso27002.Catalog    `json:"catalog,omitempty"`
	Applicable []iso27002.ControlID `json:"applicable"`
	HighRisk   []iso27002.ControlID `json:"highRisk"`
}

type standardJSON struct {
	Edition    iso27001.Edition     `json:"edition"`
	Amendments []iso27001.Amendment `json:"amendments,omitempty"`
}

// MarshalJSON writes the JSON form of b; see Basis.
func (b Basis) MarshalJSON() ([]byte, error) {
	j := basisJSON{Catalog: b.Catalog, Applicable: b.Applicable, HighRisk: b.HighRisk}
	if b.Standard != nil && !isZero(b.Standard) {
		j.Standard = &standardJSON{Edition: b.Standard.Edition(), Amendments: b.Standard.Amendments()}
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads the JSON form of a Basis strictly, with the
// default limits; an edition or amendment that iso27001.New rejects is an
// error at "standard".
func (b *Basis) UnmarshalJSON(data []byte) error {
	if b == nil {
		return nilTarget("Basis")
	}
	var j basisJSON
	if err := codec.Unmarshal(data, &j); err != nil {
		return err
	}
	v := Basis{Catalog: j.Catalog, Applicable: j.Applicable, HighRisk: j.HighRisk}
	if j.Standard != nil {
		std, err := iso27001.New(j.Standard.Edition, j.Standard.Amendments...)
		if err != nil {
			return &ismskit.Error{Path: "standard", Err: err}
		}
		v.Standard = std
	}
	*b = v
	return nil
}

// basis is a checked Basis with its lookups built.
type basis struct {
	std        *iso27001.Standard
	cat        *iso27002.Catalog
	soa        bool // Applicable was given
	applicable []iso27002.ControlID
	isApp      map[iso27002.ControlID]bool
	highRisk   map[iso27002.ControlID]bool
	items      []iso27001.Item     // non-note items, standard order
	units      []iso27001.ClauseID // clauses with items of their own, standard order
}

// resolve checks b and builds its lookups. Problems are reported at
// "applicable[i]" and "highRisk[i]".
func (b Basis) resolve() (*basis, error) {
	r := &basis{std: b.Standard, cat: b.Catalog, soa: b.Applicable != nil,
		isApp: make(map[iso27002.ControlID]bool, len(b.Applicable)), highRisk: make(map[iso27002.ControlID]bool, len(b.HighRisk))}
	var l fielderr.List
	if r.std != nil && isZero(r.std) {
		l.Add("standard", fielderr.Errorf(ismskit.ErrMissing, "a zero Standard (get one from iso27001.New)"))
		r.std = nil
	}
	if r.cat != nil && isZero(r.cat) {
		l.Add("catalog", fielderr.Errorf(ismskit.ErrMissing, "a zero Catalog (get one from iso27002.NewCatalog)"))
		r.cat = nil
	}
	if r.std == nil {
		r.std = iso27001.Latest()
	}
	if r.cat == nil {
		r.cat = iso27002.Catalog2022()
	}
	for i, id := range b.Applicable {
		if err := r.checkControl(id); err != nil {
			l.Add(fielderr.Index("applicable", i), err)
			continue
		}
		if !r.isApp[id] {
			r.isApp[id] = true
			r.applicable = append(r.applicable, id)
		}
	}
	slices.SortFunc(r.applicable, iso27002.Compare)
	for i, id := range b.HighRisk {
		if err := r.checkApplicable(id); err != nil {
			l.Add(fielderr.Index("highRisk", i), err)
			continue
		}
		r.highRisk[id] = true
	}
	for c := range r.std.Clauses() {
		own := false
		for it := range r.std.ClauseItems(c.ID) {
			if !it.Note {
				r.items = append(r.items, it)
				own = true
			}
		}
		if own {
			r.units = append(r.units, c.ID)
		}
	}
	return r, l.Err()
}

// checkControl reports whether the catalog holds id.
func (r *basis) checkControl(id iso27002.ControlID) error {
	if !id.IsValid() {
		return ismskit.ErrMissing
	}
	if !r.cat.Has(id) {
		return fmt.Errorf("%w: %s is not in %s", ismskit.ErrUnknownControl, id, r.cat.Name())
	}
	return nil
}

// checkApplicable reports whether id is in the catalog and, when an SoA
// was given, applicable.
func (r *basis) checkApplicable(id iso27002.ControlID) error {
	if err := r.checkControl(id); err != nil {
		return err
	}
	if r.soa && !r.isApp[id] {
		return fmt.Errorf("%w: %s", ErrNotInSoA, id)
	}
	return nil
}

// checkItem reports whether the edition has the requirement item id.
func (r *basis) checkItem(id iso27001.ItemID) error {
	if err := r.std.CheckItem(id); err != nil {
		return fmt.Errorf("%w: %s is not in %s", iso27001.ErrUnknownItem, id, r.std.Name())
	}
	if id.IsNote() {
		return fmt.Errorf("%w: %s is a note, not a requirement", iso27001.ErrUnknownItem, id)
	}
	return nil
}

// checkClause reports whether the edition has clause id.
func (r *basis) checkClause(id iso27001.ClauseID) error {
	if err := r.std.CheckClause(id); err != nil {
		return fmt.Errorf("%w: clause %s is not in %s", iso27001.ErrUnknownItem, id, r.std.Name())
	}
	return nil
}
