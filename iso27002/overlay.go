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
// (`controls["5.x"]`).
func DecodeOverlay(data []byte, opts ...ismskit.DecodeOption) (Overlay, error) {
	o, err := codec.Decode[overlayJSON](data, opts)
	return Overlay(o), err
}

// ReadOverlay reads an overlay from r, never past the byte limit; see
// DecodeOverlay.
func ReadOverlay(r io.Reader, opts ...ismskit.DecodeOption) (Overlay, error) {
	data, err := codec.ReadAll(r, opts)
	if err != nil {
		return Overlay{}, err
	}
	return DecodeOverlay(data, opts...)
}

// overlayJSON is Overlay without its methods, for decoding.
type overlayJSON Overlay

// UnmarshalJSON decodes an overlay strictly, as DecodeOverlay does with
// the default limits.
func (o *Overlay) UnmarshalJSON(data []byte) error {
	v, err := codec.Decode[overlayJSON](data, nil)
	if err == nil {
		*o = Overlay(v)
	}
	return err
}

// LoadOverlay reads the overlay file name from fsys (os.DirFS, an
// embed.FS, ...); see DecodeOverlay.
func LoadOverlay(fsys fs.FS, name string, opts ...ismskit.DecodeOption) (Overlay, error) {
	if fsys == nil {
		return Overlay{}, &ismskit.Error{Err: fmt.Errorf("%w: no file system", ismskit.ErrMissing)}
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
// `controls["ID"]` wrapping ErrUnknownControl, and no catalog is returned.
func (c *Catalog) WithOverlay(o Overlay) (*Catalog, error) {
	var errs fielderr.List
	ids := slices.SortedFunc(maps.Keys(o.Controls), Compare)
	for _, id := range ids {
		if !c.Has(id) {
			errs.Add(fielderr.Key("controls", id.String()), fmt.Errorf("%w: %s is not in %s", ismskit.ErrUnknownControl, id, c.name))
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	out := *c
	out.controls = slices.Clone(c.controls)
	for _, id := range ids {
		out.controls[c.position(id)].Text = o.Controls[id]
	}
	return &out, nil
}
