package risk

import (
	"encoding/json"
	"reflect"

	"github.com/ismskit/ismskit"
)

// assessorJSON is what an Assessor is made of: its criteria and the
// categories of the assets that its appetites name.
type assessorJSON struct {
	Criteria        Criteria          `json:"criteria,omitzero"`
	AssetCategories map[string]string `json:"assetCategories,omitempty"`
}

// MarshalJSON writes what the Assessor was built from:
//
//	{"criteria": {...}, "assetCategories": {"A-DB": "customer-data"}}
//
// with the categories of only those assets that an appetite names, since
// the others make no difference. A zero Assessor gives {}.
// UnmarshalJSON builds an equal Assessor back, as NewAssessor does.
func (a Assessor) MarshalJSON() ([]byte, error) {
	v := assessorJSON{Criteria: a.criteria}
	for id, mask := range a.assetMask {
		for k, rule := range a.appetite {
			if mask&(1<<k) != 0 {
				if v.AssetCategories == nil {
					v.AssetCategories = map[string]string{}
				}
				v.AssetCategories[id] = rule.cat
				break
			}
		}
	}
	return json.Marshal(v)
}

// UnmarshalJSON builds the Assessor from the form MarshalJSON writes, as
// NewAssessor does: invalid criteria are its error. {} gives the zero
// Assessor.
func (a *Assessor) UnmarshalJSON(data []byte) error {
	if a == nil {
		return errf(ismskit.ErrMissing, "UnmarshalJSON into a nil *Assessor")
	}
	var v assessorJSON
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	if reflect.ValueOf(v.Criteria).IsZero() && len(v.AssetCategories) == 0 {
		*a = Assessor{}
		return nil
	}
	assets := make([]Asset, 0, len(v.AssetCategories))
	for id, cat := range v.AssetCategories {
		assets = append(assets, Asset{ID: id, Category: cat})
	}
	b, err := NewAssessor(v.Criteria, assets...)
	if err != nil {
		return err
	}
	*a = *b
	return nil
}

// MarshalJSON writes the Assessor the method scores with, as
// Assessor.MarshalJSON does; the zero MatrixMethod gives {}.
func (m MatrixMethod) MarshalJSON() ([]byte, error) {
	if m.a == nil {
		return []byte("{}"), nil
	}
	return m.a.MarshalJSON()
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (m *MatrixMethod) UnmarshalJSON(data []byte) error {
	if m == nil {
		return errf(ismskit.ErrMissing, "UnmarshalJSON into a nil *MatrixMethod")
	}
	var a Assessor
	if err := a.UnmarshalJSON(data); err != nil {
		return err
	}
	if a.usable() != nil {
		*m = MatrixMethod{}
		return nil
	}
	*m = MatrixMethod{a: &a}
	return nil
}
