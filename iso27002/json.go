package iso27002

import (
	"encoding/json"
	"io"
	"slices"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/strictjson"
)

// controlJSON is the wire form of a Control. Which keys are present
// depends on the edition of the ID; see Control.MarshalJSON.
type controlJSON struct {
	ID          ControlID     `json:"id"`
	Title       string        `json:"title"`
	AnnexATitle string        `json:"annexATitle,omitempty"`
	Theme       Theme         `json:"theme,omitzero"`
	Clause      string        `json:"clause,omitempty"`
	Objective   string        `json:"objective,omitempty"`
	Group       string        `json:"group,omitempty"`
	New         *bool         `json:"new,omitempty"`
	Attributes  *AttributeSet `json:"attributes,omitempty"`
	Summary     string        `json:"summary,omitempty"`
	From2013    []ControlID   `json:"from2013,omitzero"`
	To2022      []ControlID   `json:"to2022,omitzero"`
	Text        *LicensedText `json:"text,omitempty"`
	Withdrawn   bool          `json:"withdrawn,omitempty"`
	MovedTo     []ControlID   `json:"movedTo,omitempty"`
}

// MarshalJSON encodes the control with lowerCamelCase keys. A 2022
// control always has "id", "title", "theme", "new", "attributes" (an
// object with the five attribute types, see AttributeSet.MarshalJSON) and
// "from2013" (the 2013 IDs it came from; [] for a new control); a 2013
// control always has "id", "title", "clause", "objective" and "to2022".
// "annexATitle", "summary", "group", "text", "withdrawn" and "movedTo"
// appear when set.
func (c Control) MarshalJSON() ([]byte, error) {
	j := controlJSON{ID: c.ID, Title: c.Title, AnnexATitle: c.AnnexATitle, Theme: c.Theme, Group: c.Group, Summary: c.Summary,
		Withdrawn: c.Withdrawn, MovedTo: c.MovedTo}
	switch c.ID.Edition() {
	case Edition2022:
		j.New = &c.New
		j.Attributes = &c.Attributes
		j.From2013 = nonNil(From2013(c.ID))
	case Edition2013:
		j.Clause, j.Objective = c.ID.Clause(), c.ID.Objective()
		j.To2022 = nonNil(To2022(c.ID))
	default:
		if c.New {
			j.New = &c.New
		}
		if c.Attributes != 0 {
			j.Attributes = &c.Attributes
		}
	}
	if !c.Text.IsZero() {
		j.Text = &c.Text
	}
	return json.Marshal(j)
}

func nonNil(ids []ControlID) []ControlID {
	if ids == nil {
		return []ControlID{}
	}
	return ids
}

// UnmarshalJSON decodes the form MarshalJSON writes, strictly. Keys that
// follow from the ID ("clause", "objective", "from2013", "to2022", and
// "theme" and "new" of a 2022 control) may be left out; where given they
// must agree with the ID and the built-in correspondence, or the decoding
// fails with ErrInvalidControl naming the key. It does not check that
// required fields are set (the zero Control decodes back as it is
// encoded): NewCatalog and DecodeCatalog do.
func (c *Control) UnmarshalJSON(b []byte) error {
	if c == nil {
		return fielderr.NilTarget("iso27002.Control")
	}
	var j controlJSON
	if err := strictjson.Unmarshal(b, &j); err != nil {
		return err
	}
	out := Control{ID: j.ID, Title: j.Title, AnnexATitle: j.AnnexATitle, Theme: j.Theme, Group: j.Group, Summary: j.Summary,
		Withdrawn: j.Withdrawn, MovedTo: j.MovedTo}
	if j.New != nil {
		out.New = *j.New
	}
	if j.Attributes != nil {
		out.Attributes = *j.Attributes
	}
	if j.Text != nil {
		out.Text = *j.Text
	}
	var errs fielderr.List
	mismatch := func(key string, got, want any) {
		errs.Add(key, fielderr.Errorf(ErrInvalidControl, "%v does not agree with %s (want %v)", got, j.ID, want))
	}
	switch j.ID.Edition() {
	case Edition2022:
		if out.Theme == 0 {
			out.Theme = j.ID.Theme()
		} else if out.Theme != j.ID.Theme() {
			mismatch("theme", out.Theme, j.ID.Theme())
		}
		builtin, _ := catalog2022.Lookup(j.ID)
		if j.New == nil {
			out.New = builtin.New
		} else if out.New != builtin.New {
			mismatch("new", out.New, builtin.New)
		}
		if j.From2013 != nil && !slices.Equal(sortedIDs(j.From2013), nonNil(From2013(j.ID))) {
			mismatch("from2013", j.From2013, nonNil(From2013(j.ID)))
		}
	case Edition2013:
		if j.Clause != "" && j.Clause != j.ID.Clause() {
			mismatch("clause", j.Clause, j.ID.Clause())
		}
		if j.Objective != "" && j.Objective != j.ID.Objective() {
			mismatch("objective", j.Objective, j.ID.Objective())
		}
		if j.To2022 != nil && !slices.Equal(sortedIDs(j.To2022), nonNil(To2022(j.ID))) {
			mismatch("to2022", j.To2022, nonNil(To2022(j.ID)))
		}
	}
	if j.ID.Edition() != Edition2013 && (j.Clause != "" || j.Objective != "" || j.To2022 != nil) {
		errs.Add("", fielderr.Errorf(ErrInvalidControl, "clause, objective and to2022 belong to 2013 controls"))
	}
	if j.ID.Edition() != Edition2022 && j.From2013 != nil {
		errs.Add("from2013", fielderr.Errorf(ErrInvalidControl, "only 2022 controls have 2013 predecessors"))
	}
	if err := errs.Err(); err != nil {
		return err
	}
	*c = out
	return nil
}

func sortedIDs(ids []ControlID) []ControlID {
	out := slices.Clone(ids)
	slices.SortFunc(out, Compare)
	return out
}

// catalogJSON is the wire form of a Catalog.
type catalogJSON struct {
	Name     string    `json:"name"`
	Edition  Edition   `json:"edition"`
	Groups   []Group   `json:"groups,omitempty"`
	Controls []Control `json:"controls"`
}

// MarshalJSON encodes the catalog as an object with "name", "edition"
// ("2022", "2013" or "custom", see Catalog.Edition), "groups" and
// "controls" (in natural order, each as Control.MarshalJSON writes it).
// The output is deterministic. It has a value receiver, so that a Catalog
// held by value encodes too; encoding/json writes a nil *Catalog as null,
// and EncodeCatalog writes it as an empty catalog.
func (c Catalog) MarshalJSON() ([]byte, error) {
	return json.Marshal(c.wire())
}

// DecodeCatalog decodes a catalog from the JSON that Catalog.MarshalJSON
// writes, strictly, and builds it with NewCatalog. Every problem is
// reported with its path. An "edition" of "2022" or "2013" is checked
// against the controls: every ISO control must be of that edition, and
// custom controls may be added; "custom" is accepted for any controls.
// opts set the decoder's limits.
func DecodeCatalog(data []byte, opts ...ismskit.DecodeOption) (*Catalog, error) {
	j, err := codec.Decode[catalogJSON](data, opts)
	if err != nil {
		return nil, err
	}
	cat, err := NewCatalog(j.Name, j.Controls, j.Groups...)
	if err != nil {
		return nil, err
	}
	if j.Edition == 0 || j.Edition == cat.Edition() {
		return cat, nil
	}
	var errs fielderr.List
	for i, ctl := range j.Controls {
		if !ctl.ID.IsCustom() && ctl.ID.Edition() != j.Edition {
			errs.AddItem(fielderr.Index("controls", i)+".id", ctl.ID.String(), fielderr.Errorf(ErrInvalidControl, "%s is not a %s control", ctl.ID, j.Edition))
		}
	}
	if errs.Len() == 0 {
		errs.Add("edition", fielderr.Errorf(ErrInvalidControl, "the catalog holds no control of the edition %s", j.Edition))
	}
	return nil, errs.Err()
}

// ReadCatalog reads a catalog from r, never past the byte limit, and
// decodes it as DecodeCatalog does.
func ReadCatalog(r io.Reader, opts ...ismskit.DecodeOption) (*Catalog, error) {
	return codec.Read(r, opts, DecodeCatalog)
}

// EncodeCatalog returns the JSON form of c (see Catalog.MarshalJSON),
// indented by two spaces and ending in a newline; DecodeCatalog reads it
// back. A nil c encodes as an empty catalog.
func EncodeCatalog(c *Catalog) ([]byte, error) { return codec.Encode(c.wire()) }

// WriteCatalog writes the JSON form of c to w, as EncodeCatalog returns
// it.
func WriteCatalog(w io.Writer, c *Catalog) error { return codec.Write(w, c.wire()) }

// wire returns the wire form of c; a nil c gives an empty catalog.
func (c *Catalog) wire() catalogJSON {
	if c == nil || c.controls == nil {
		return catalogJSON{Name: c.Name(), Groups: c.groupList(), Controls: []Control{}}
	}
	return catalogJSON{Name: c.name, Edition: c.edition, Groups: c.groups, Controls: c.controls}
}

func (c *Catalog) groupList() []Group {
	if c == nil {
		return nil
	}
	return c.groups
}

// UnmarshalJSON decodes a catalog as DecodeCatalog does, for use as a
// field of a larger document. A *Catalog from DecodeCatalog is immutable;
// UnmarshalJSON exists only so a zero Catalog can be filled once. A nil
// receiver is an error wrapping ismskit.ErrMissing.
func (c *Catalog) UnmarshalJSON(data []byte) error {
	if c == nil {
		return fielderr.NilTarget("iso27002.Catalog")
	}
	cat, err := DecodeCatalog(data)
	if err != nil {
		return err
	}
	*c = *cat
	return nil
}
