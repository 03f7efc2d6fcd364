package iso27002

import (
	"fmt"
	"io"
	"io/fs"
	"maps"
	"slices"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/codec"
	"github.com/ismskit/ismskit/internal/fielderr"
)

// Overlay is licensed text that a user attaches to a catalog's controls.
// ismskit ships no text of the standards; an organisation that holds a
// licence keeps its copy in an overlay file and applies it with
// Catalog.WithOverlay, which leaves the built-in catalog unchanged.
//
// The JSON form:
//
//	{
//	  "source": "ISO/IEC 27002:2022, licensed to ACME, copy 123",
//	  "controls": {
//	    "5.1": {"control": "...", "purpose": "...", "guidance": "..."},
//	    "8.24": {"control": "..."}
//	  }
//	}
type Overlay struct {
	// Source says where the text comes from (edition, licence). Optional.
	Source string `json:"source,omitempty"`
	// Controls maps a control ID to its text. Required.
	Controls map[ControlID]LicensedText `json:"controls"`
}

// DecodeOverlay decodes an overlay from JSON, strictly: an unknown key, a
// malformed control ID or trailing data is an error naming its path
// (`controls["5.x"]`), and so is a control given twice under two
// spellings of its ID ("5.1" and "A.5.1"), which wraps
// ismskit.ErrDuplicateID and names both keys. opts set the decoder's
// limits.
func DecodeOverlay(data []byte, opts ...ismskit.DecodeOption) (Overlay, error) {
	w, err := codec.Decode[overlayWire](data, opts)
	if err != nil {
		return Overlay{}, err
	}
	return w.overlay(ismskit.LimitsOf(opts...).MaxProblems)
}

// ReadOverlay reads an overlay from r, never past the byte limit; see
// DecodeOverlay.
func ReadOverlay(r io.Reader, opts ...ismskit.DecodeOption) (Overlay, error) {
	return codec.Read(r, opts, DecodeOverlay)
}

// overlayWire is an overlay as written, with the control IDs as the
// document spells them, so that two spellings of one ID are seen.
type overlayWire struct {
	Source   string                  `json:"source,omitempty"`
	Controls map[string]LicensedText `json:"controls"`
}

// overlay parses the keys of w, reporting every malformed or repeated
// one.
func (w overlayWire) overlay(maxProblems int) (Overlay, error) {
	o := Overlay{Source: w.Source}
	if w.Controls == nil {
		return o, nil
	}
	o.Controls = make(map[ControlID]LicensedText, len(w.Controls))
	keys := slices.Sorted(maps.Keys(w.Controls))
	spelt := make(map[ControlID]string, len(keys))
	errs := fielderr.List{Max: maxProblems}
	for _, k := range keys {
		p := fielderr.Key("controls", k)
		id, err := Parse(k)
		if err != nil {
			errs.Add(p, err)
			continue
		}
		if first, dup := spelt[id]; dup {
			errs.Add(p, fielderr.Errorf(ismskit.ErrDuplicateID, "%s and %s name the same control %s", fielderr.Quote(first), fielderr.Quote(k), id))
			continue
		}
		spelt[id] = k
		o.Controls[id] = w.Controls[k]
	}
	if err := errs.Err(); err != nil {
		return Overlay{}, err
	}
	return o, nil
}

// UnmarshalJSON decodes an overlay strictly, as DecodeOverlay does with
// the default limits.
func (o *Overlay) UnmarshalJSON(data []byte) error {
	if o == nil {
		return fielderr.NilTarget("iso27002.Overlay")
	}
	v, err := DecodeOverlay(data)
	if err == nil {
		*o = v
	}
	return err
}

// LoadOverlay reads the overlay file name from fsys (os.DirFS, an
// embed.FS, ...); see DecodeOverlay.
func LoadOverlay(fsys fs.FS, name string, opts ...ismskit.DecodeOption) (Overlay, error) {
	if fsys == nil {
		return Overlay{}, &ismskit.Error{Err: fielderr.Errorf(ismskit.ErrMissing, "no file system")}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return Overlay{}, fmt.Errorf("iso27002: load overlay: %w", err)
	}
	defer f.Close()
	data, err := codec.ReadAll(f, opts)
	if err != nil {
		return Overlay{}, fmt.Errorf("iso27002: load overlay: %w", err)
	}
	o, err := DecodeOverlay(data, opts...)
	if err != nil {
		return Overlay{}, fmt.Errorf("iso27002: overlay %s: %w", name, err)
	}
	return o, nil
}

// WithOverlay returns a copy of c whose controls carry the overlay's text
// in Control.Text; c itself is not modified. Every ID of the overlay that
// c does not hold is reported, each as a *ismskit.Error at
// `controls["ID"]` wrapping ismskit.ErrUnknownControl, and no catalog is
// returned. A nil c holds no control.
func (c *Catalog) WithOverlay(o Overlay) (*Catalog, error) {
	var errs fielderr.List
	ids := slices.SortedFunc(maps.Keys(o.Controls), Compare)
	for _, id := range ids {
		if !c.Has(id) {
			errs.Add(fielderr.Key("controls", id.String()), c.unknown(id.String()))
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	if c == nil {
		return &Catalog{}, nil
	}
	out := *c
	out.controls = slices.Clone(c.controls)
	for _, id := range ids {
		out.controls[c.position(id)].Text = o.Controls[id]
	}
	return &out, nil
}
