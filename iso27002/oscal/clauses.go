package oscal

import (
	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/iso27001"
)

// ClauseToken returns the OSCAL id of a clause of ISO/IEC 27001 in
// ExportClauses: "c." and the clause number ("c.6.1.3").
func ClauseToken(id iso27001.ClauseID) string { return "c." + id.String() }

// ExportClauses returns the requirements of clauses 4 to 10 of an edition
// of ISO/IEC 27001 (iso27001.Latest(), or iso27001.New(...)) as an OSCAL
// 1.2.1 catalog in JSON, the second catalog next to Annex A.
//
// Clauses 4 to 10 become groups ("c.4", class "clause"); their subclauses
// become controls ("c.4.1", class "clause"), and sub-subclauses (6.1.1 to
// 6.1.3, 7.5.1 to 7.5.3, 9.2.1, ...) controls within them. Each carries a
// "label" property with its number, a "clause-id" property in Namespace,
// and "change" where the clause differs from the other edition; its
// summary and change note are parts ("summary", "change-note") in
// Namespace. Each requirement item is an "item" part in Namespace with
// the item's ID as its id ("c.6.1.3.d") and label, its checklist line as
// prose, and "documented" ("maintained" or "retained") and "amendment"
// properties where they apply; notes have the class "note". All of this
// is ismskit's own wording, not the standard's text.
//
// The UUID rule is that of ExportCatalog: the same standard and Options
// give byte-identical output.
func ExportClauses(s *iso27001.Standard, opts Options) ([]byte, error) {
	if s == nil {
		return nil, fielderr.Errorf(ismskit.ErrNotEncodable, "nil standard")
	}
	md, err := opts.withDate(clausesDate(s)).meta(s.Name() + " clauses 4 to 10")
	if err != nil {
		return nil, err
	}
	md.Props = []prop{nsProp("catalog-name", s.Name()), nsProp("edition", s.Edition().String())}
	md.Remarks = copyrightRemark

	var errs fielderr.List
	cat := &catalog{Metadata: md}
	for top := range s.Children(iso27001.ClauseID{}) {
		p := fielderr.Key("clauses", top.ID.String())
		g := group{ID: ClauseToken(top.ID), Class: "clause", Title: top.Title}
		g.Props, g.Parts = clauseMeta(top)
		items, err := itemParts(s, top.ID)
		errs.Add(p, err)
		g.Parts = append(g.Parts, items...)
		for sub := range s.Children(top.ID) {
			c, err := clauseControl(s, sub, 0)
			errs.Add(fielderr.Key("clauses", sub.ID.String()), err)
			g.Controls = append(g.Controls, c)
		}
		if !isMarkupLine(top.Title) {
			errs.Add(p+".title", fielderr.Errorf(ismskit.ErrNotEncodable, "title %q is empty or not a single line", top.Title))
		}
		cat.Groups = append(cat.Groups, g)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return finish(&catalogDoc{Catalog: cat}, "catalog", &cat.UUID, 0)
}

func clauseMeta(c iso27001.Clause) ([]prop, []part) {
	props := []prop{{Name: "label", Value: c.ID.String()}, nsProp("clause-id", c.ID.String())}
	if c.Change != iso27001.ChangeNone {
		props = append(props, nsProp("change", text(c.Change)))
	}
	var parts []part
	if c.Summary != "" {
		parts = append(parts, nsPart("summary", c.Summary))
	}
	if c.ChangeNote != "" {
		parts = append(parts, nsPart("change-note", c.ChangeNote))
	}
	return props, parts
}

func clauseControl(s *iso27001.Standard, c iso27001.Clause, depth int) (control, error) {
	var errs fielderr.List
	oc := control{ID: ClauseToken(c.ID), Class: "clause", Title: c.Title}
	if !isMarkupLine(c.Title) {
		errs.Add("title", fielderr.Errorf(ismskit.ErrNotEncodable, "title %q is empty or not a single line", c.Title))
	}
	oc.Props, oc.Parts = clauseMeta(c)
	items, err := itemParts(s, c.ID)
	errs.Add("", err)
	oc.Parts = append(oc.Parts, items...)
	if depth < 8 { // clause IDs have at most three levels
		for sub := range s.Children(c.ID) {
			sc, err := clauseControl(s, sub, depth+1)
			errs.Add(fielderr.Key("", sub.ID.String()), err)
			oc.Controls = append(oc.Controls, sc)
		}
	}
	return oc, errs.Err()
}

func itemParts(s *iso27001.Standard, id iso27001.ClauseID) ([]part, error) {
	var parts []part
	var errs fielderr.List
	for it := range s.ClauseItems(id) {
		pt := nsPart("item", it.Text)
		pt.ID = "c." + it.ID.String()
		pt.Props = []prop{{Name: "label", Value: it.ID.String()}}
		if it.Note {
			pt.Class = "note"
		}
		if it.Documented != iso27001.NotDocumented {
			pt.Props = append(pt.Props, nsProp("documented", text(it.Documented)))
		}
		if it.Amendment != iso27001.NoAmendment {
			pt.Props = append(pt.Props, nsProp("amendment", text(it.Amendment)))
		}
		if it.Change != iso27001.ChangeNone {
			pt.Props = append(pt.Props, nsProp("change", text(it.Change)))
		}
		if !isToken(pt.ID) {
			errs.Add(fielderr.Key("items", it.ID.String()), fielderr.Errorf(ismskit.ErrNotEncodable, "%q is not a token", pt.ID))
		}
		parts = append(parts, pt)
	}
	return parts, errs.Err()
}
