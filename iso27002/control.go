package iso27002

import "slices"

// Control is one control of a catalog. It is a plain value: the strings
// are immutable and AttributeSet is a bit set, so a Control returned by a
// Catalog can be kept, copied and compared freely without affecting the
// catalog.
type Control struct {
	// ID identifies the control. Required.
	ID ControlID
	// Title is the control's heading exactly as the standard words it.
	// For 2022 controls it is the ISO/IEC 27002:2022 heading. Required.
	Title string
	// AnnexATitle is the heading as ISO/IEC 27001:2022 Annex A words it,
	// set only where it differs from Title (8.1 "User end point devices"
	// against 27002's "User endpoint devices"; 5.22 "Monitor, ..." against
	// "Monitoring, ..."). Empty otherwise.
	AnnexATitle string
	// Theme is the 2022 theme (clause 5 to 8). Zero for 2013 controls; a
	// custom control may set it to sit in a theme.
	Theme Theme
	// Group names the group of a custom control in its own framework (a
	// family such as "AC", a domain). Built-in controls leave it empty:
	// their grouping follows from the ID (see Catalog.Groups).
	Group string
	// New reports a 2022 control that has no predecessor in the 2013
	// edition (11 controls, such as 5.7 Threat intelligence).
	// New in 2022.
	New bool
	// Attributes holds the control's values of the five ISO/IEC
	// 27002:2022 attribute types. Empty for 2013 controls.
	// New in 2022.
	Attributes AttributeSet
	// Summary says what the control is for, in ismskit's own words (one
	// or two sentences). It is not the standard's text.
	Summary string
	// Text is licensed text a user attached with an Overlay; empty in the
	// built-in catalogs.
	Text LicensedText
	// Withdrawn marks a control its catalog has withdrawn, such as NIST SP
	// 800-53's AC-2(10), incorporated into AC-2: it stays in the catalog
	// so that a reference to it can be explained, but it is no longer a
	// control to select. Catalog.Select, Search and Count leave withdrawn
	// controls out unless a filter asks for them (IncludeWithdrawn);
	// Controls, IDs, Len, Has and Lookup keep them. Programs that decide
	// on controls (a Statement of Applicability) report a withdrawn one
	// with ErrWithdrawn. No built-in control is withdrawn.
	Withdrawn bool
	// MovedTo lists the controls of the catalog a withdrawn control was
	// moved to or incorporated into, in natural order; empty for a control
	// in force, and possibly for a withdrawn one.
	MovedTo []ControlID
}

// clone returns c with its own copy of MovedTo, so that a Control handed
// out by a Catalog shares no memory with it.
func (c Control) clone() Control {
	if len(c.MovedTo) > 0 {
		c.MovedTo = slices.Clone(c.MovedTo)
	}
	return c
}

// LicensedText is the standard's own text for a control, which ismskit
// does not ship: a user who holds a licence attaches it with an Overlay.
// Every field is optional.
type LicensedText struct {
	// Control is the control statement.
	Control string `json:"control,omitempty"`
	// Purpose is the purpose statement (2022 edition).
	Purpose string `json:"purpose,omitempty"`
	// Guidance is the implementation guidance.
	Guidance string `json:"guidance,omitempty"`
	// Other is further information.
	Other string `json:"other,omitempty"`
}

// IsZero reports whether t holds no text.
func (t LicensedText) IsZero() bool { return t == LicensedText{} }

// DisplayTitle returns the title to show where a document follows
// ISO/IEC 27001 Annex A (a Statement of Applicability): AnnexATitle if it
// is set, Title otherwise.
func (c Control) DisplayTitle() string {
	if c.AnnexATitle != "" {
		return c.AnnexATitle
	}
	return c.Title
}
