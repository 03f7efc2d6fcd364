package iso27001

import (
	"encoding/json"
	"iter"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/fielderr"
	"github.com/ismskit/ismskit/internal/strictjson"
)

//go:generate go run ../internal/clausedata/cmd/genclauses

// clauseRec and itemRec are the rows of the generated tables.
type clauseRec struct {
	id, parent, counterpart ClauseID
	title, summary          string
	change                  Change
	changeNote              string
	first, last             uint16 // the clause's items are items[first:last]
}

type itemRec struct {
	id          ItemID
	text        string
	doc         DocKind
	records     recordSet
	amendment   Amendment
	note        bool
	change      Change
	counterpart ItemID
}

type table struct {
	edition Edition
	name    string
	clauses []clauseRec
	items   []itemRec
}

var (
	table2013 = table{edition: Edition2013, name: name2013, clauses: clauses2013[:], items: items2013[:]}
	table2022 = table{edition: Edition2022, name: name2022, clauses: clauses2022[:], items: items2022[:]}
)

// Standard is one edition of ISO/IEC 27001, clauses 4 to 10, with or
// without its amendments: the clauses with their titles and summaries, and
// each clause's requirement items.
//
// A *Standard is immutable and safe for concurrent use; the values its
// methods return are copies. Get one from New or Latest. A nil *Standard,
// like the zero Standard, is an empty standard of no edition: its methods
// find no clause and no item. In JSON and text a *Standard is its
// designation ("ISO/IEC 27001:2022/Amd 1:2024").
type Standard struct {
	t   *table
	amd bool // Amd 1:2024 included (2022 only)
}

// empty is the table of a nil or zero Standard.
var empty table

// tab returns s's table, or the empty one for a nil or zero s.
func (s *Standard) tab() *table {
	if s == nil || s.t == nil {
		return &empty
	}
	return s.t
}

// amended reports whether s includes Amd 1:2024.
func (s *Standard) amended() bool { return s != nil && s.amd }

// New returns the clauses of edition ed with the given amendments applied.
// Errors wrap ismskit.ErrUnknownValue for an edition other than 2013 and
// 2022 (ismskit.ErrMissing for the zero Edition), and
// ErrAmendmentNotApplicable for an amendment that does not amend ed or is
// given twice.
func New(ed Edition, amds ...Amendment) (*Standard, error) {
	s := &Standard{}
	switch ed {
	case Edition2013:
		s.t = &table2013
	case Edition2022:
		s.t = &table2022
	case 0:
		return nil, fielderr.Errorf(ismskit.ErrMissing, "no edition")
	default:
		return nil, fielderr.Errorf(ismskit.ErrUnknownValue, "%s is not an edition of ISO/IEC 27001", ed)
	}
	for _, a := range amds {
		if a.Amends() != ed || (a == Amd1of2024 && s.amd) {
			name := a.String()
			if name == "" {
				name = "no amendment"
			}
			return nil, fielderr.Errorf(ErrAmendmentNotApplicable, "%s to ISO/IEC 27001:%s", name, ed)
		}
		s.amd = true
	}
	return s, nil
}

// MustNew is New that panics on error. It is intended for tests and for
// hard-coded editions.
func MustNew(ed Edition, amds ...Amendment) *Standard {
	s, err := New(ed, amds...)
	if err != nil {
		panic(err)
	}
	return s
}

// Latest returns ISO/IEC 27001:2022 with Amd 1:2024, the text in force.
func Latest() *Standard { return &Standard{t: &table2022, amd: true} }

// Edition returns the edition, 0 for a nil or zero Standard.
func (s *Standard) Edition() Edition { return s.tab().edition }

// Amendments returns the amendments applied, oldest first.
func (s *Standard) Amendments() []Amendment {
	if s.amended() {
		return []Amendment{Amd1of2024}
	}
	return nil
}

// Has reports whether amendment a is applied.
func (s *Standard) Has(a Amendment) bool { return s.amended() && a == Amd1of2024 }

// Name returns the designation, e.g. "ISO/IEC 27001:2022/Amd 1:2024" or
// "ISO/IEC 27001:2013", and "" for a nil or zero Standard.
func (s *Standard) Name() string {
	if s.amended() {
		return Amd1of2024.String()
	}
	return s.tab().name
}

// MarshalText returns the designation (Name); the zero Standard gives "".
// It has a value receiver, so that a Standard held by value encodes too;
// encoding/json writes a nil *Standard as null.
func (s Standard) MarshalText() ([]byte, error) { return []byte(s.Name()), nil }

// UnmarshalText sets a zero Standard to the one with the designation
// text: "ISO/IEC 27001:2022/Amd 1:2024", "ISO/IEC 27001:2022" or
// "ISO/IEC 27001:2013"; "" gives the zero Standard. Anything else is an
// error wrapping ismskit.ErrUnknownValue. A *Standard from New or Latest
// is immutable: UnmarshalText exists so that a Standard field of a
// decoded document can be filled once.
func (s *Standard) UnmarshalText(text []byte) error {
	if s == nil {
		return fielderr.NilTarget("iso27001.Standard")
	}
	for _, std := range []*Standard{Latest(), MustNew(Edition2022), MustNew(Edition2013), {}} {
		if string(text) == std.Name() {
			*s = *std
			return nil
		}
	}
	return fielderr.Errorf(ismskit.ErrUnknownValue, "standard %s: want %q, %q or %q", fielderr.Quote(string(text)), Latest().Name(), name2022, name2013)
}

// Clause is a clause or subclause of clauses 4 to 10. Its items are
// available from Standard.ClauseItems. The zero value is no clause.
type Clause struct {
	// ID is the clause number, e.g. 6.1.3.
	ID ClauseID `json:"id"`
	// Parent is the enclosing clause (6.1 for 6.1.3), zero for 4 to 10.
	Parent ClauseID `json:"parent,omitzero"`
	// Title is the clause title as the standard words it.
	Title string `json:"title"`
	// Summary says what the clause is about, in ismskit's own words.
	Summary string `json:"summary,omitempty"`
	// Counterpart is the clause with this content in the other edition
	// (2022 10.2 and 2013 10.1), zero when there is none (2022 6.3).
	Counterpart ClauseID `json:"counterpart,omitzero"`
	// Change says how the 2022 clause differs from 2013; ChangeNone in the
	// 2013 edition.
	Change Change `json:"change,omitzero"`
	// ChangeNote describes the difference between the editions, in our
	// words; empty when there is none.
	ChangeNote string `json:"changeNote,omitempty"`
}

// Item is one requirement item of a clause: a checklist line an auditor
// checks, in ismskit's own words, never the standard's sentence. The zero
// value is no item.
//
// In JSON an item is an object with the keys "id", "text", "documented",
// "amendment", "note", "change", "counterpart" and "evidencedBy" (see
// EvidencedBy), the ones that are zero left out.
type Item struct {
	// ID is the item ID, e.g. 6.1.3.d.
	ID ItemID `json:"id"`
	// Text states what conformity looks like, as a checklist line.
	Text string `json:"text"`
	// Documented says whether the item asks for documented information
	// (7.5) to be maintained or retained.
	Documented DocKind `json:"documented,omitzero"`
	// Amendment is the amendment that added the item, NoAmendment for the
	// edition's own text.
	Amendment Amendment `json:"amendment,omitzero"`
	// Note marks an informative note, which is not a requirement.
	Note bool `json:"note,omitempty"`
	// Change says whether the 2022 item is new or changed since 2013.
	Change Change `json:"change,omitzero"`
	// Counterpart is the item with this content in the other edition
	// (2022 6.2.h and 2013 6.2.f), zero when there is none (2022 6.3.p1,
	// 4.2.c). Several items can share one counterpart.
	Counterpart ItemID `json:"counterpart,omitzero"`

	records recordSet
}

// EvidencedBy returns the kinds of ISMS record (fields of Records, such as
// "objectives.owner") that the gap analysis takes as evidence for the
// item; an item with none needs a document in the register.
func (it Item) EvidencedBy() []string { return it.records.keys() }

// itemJSON is the wire form of an Item: its fields, and the record kinds
// that evidence it.
type itemJSON struct {
	itemFields
	EvidencedBy []string `json:"evidencedBy,omitempty"`
}

// itemFields is Item without its methods.
type itemFields Item

// MarshalJSON encodes the item with its EvidencedBy list.
func (it Item) MarshalJSON() ([]byte, error) {
	return json.Marshal(itemJSON{itemFields: itemFields(it), EvidencedBy: it.EvidencedBy()})
}

// UnmarshalJSON decodes what MarshalJSON writes, strictly: an unknown
// key, or a record kind in evidencedBy that the gap analysis does not
// know, is an error.
func (it *Item) UnmarshalJSON(data []byte) error {
	if it == nil {
		return fielderr.NilTarget("iso27001.Item")
	}
	var j itemJSON
	if err := strictjson.Unmarshal(data, &j); err != nil {
		return err
	}
	var rec recordSet
	var l fielderr.List
	for i, k := range j.EvidencedBy {
		bit := recordKind(k)
		if bit == 0 {
			l.Add(fielderr.Index("evidencedBy", i), fielderr.Errorf(ismskit.ErrUnknownValue, "record kind %s", fielderr.Quote(k)))
		}
		rec |= bit
	}
	if err := l.Err(); err != nil {
		return err
	}
	out := Item(j.itemFields)
	out.records = rec
	*it = out
	return nil
}

func (s *Standard) clause(r *clauseRec) Clause {
	return Clause{ID: r.id, Parent: r.parent, Title: r.title, Summary: r.summary, Counterpart: r.counterpart, Change: r.change, ChangeNote: r.changeNote}
}

func item(r *itemRec) Item {
	return Item{ID: r.id, Text: r.text, Documented: r.doc, Amendment: r.amendment, Note: r.note, Change: r.change, Counterpart: r.counterpart, records: r.records}
}

func (s *Standard) included(r *itemRec) bool { return r.amendment == NoAmendment || s.amended() }

// Len returns the number of clauses and subclauses.
func (s *Standard) Len() int { return len(s.tab().clauses) }

// Clauses yields every clause and subclause in the order of the standard
// (4, 4.1, ..., 10.2).
//
//	for c := range s.Clauses() { fmt.Println(c.ID, c.Title) }
func (s *Standard) Clauses() iter.Seq[Clause] {
	return func(yield func(Clause) bool) {
		t := s.tab()
		for i := range t.clauses {
			if !yield(s.clause(&t.clauses[i])) {
				return
			}
		}
	}
}

// Children yields the direct subclauses of id (4.1 to 4.4 for 4), or the
// top-level clauses 4 to 10 when id is the zero value.
//
//	for c := range s.Children(iso27001.MustParseClauseID("9")) { ... }
func (s *Standard) Children(id ClauseID) iter.Seq[Clause] {
	return func(yield func(Clause) bool) {
		t := s.tab()
		for i := range t.clauses {
			if r := &t.clauses[i]; r.parent == id && !yield(s.clause(r)) {
				return
			}
		}
	}
}

func (s *Standard) find(id ClauseID) *clauseRec {
	t := s.tab()
	for i := range t.clauses {
		if t.clauses[i].id == id {
			return &t.clauses[i]
		}
	}
	return nil
}

// Clause returns the clause with the given ID, and whether the edition has
// it.
func (s *Standard) Clause(id ClauseID) (Clause, bool) {
	if r := s.find(id); r != nil {
		return s.clause(r), true
	}
	return Clause{}, false
}

// CheckClause returns nil if the edition has clause id, and otherwise an
// error wrapping ErrUnknownClause (ErrInvalidID for the zero value).
func (s *Standard) CheckClause(id ClauseID) error {
	if !id.IsValid() {
		return fielderr.Errorf(ismskit.ErrInvalidID, "empty clause ID")
	}
	if s.find(id) == nil {
		return fielderr.Errorf(ErrUnknownClause, "%s is not a clause of %s", id, s.name())
	}
	return nil
}

// Items yields every requirement item and note of the edition, with its
// applied amendments, clause by clause in the order of the standard's text.
//
//	for it := range s.Items() { fmt.Println(it.ID, it.Text) }
func (s *Standard) Items() iter.Seq[Item] {
	return func(yield func(Item) bool) {
		t := s.tab()
		for i := range t.items {
			if r := &t.items[i]; s.included(r) && !yield(item(r)) {
				return
			}
		}
	}
}

// ClauseItems yields the items of clause id itself (not of its
// subclauses), in the order of the standard's text. It yields nothing for
// a clause the edition lacks.
//
//	for it := range s.ClauseItems(iso27001.MustParseClauseID("6.1.3")) { ... }
func (s *Standard) ClauseItems(id ClauseID) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		r := s.find(id)
		if r == nil {
			return
		}
		t := s.tab()
		for i := r.first; i < r.last; i++ {
			if it := &t.items[i]; s.included(it) && !yield(item(it)) {
				return
			}
		}
	}
}

func (s *Standard) findItem(id ItemID) *itemRec {
	r := s.find(id.c)
	if r == nil {
		return nil
	}
	t := s.tab()
	for i := r.first; i < r.last; i++ {
		if it := &t.items[i]; it.id == id && s.included(it) {
			return it
		}
	}
	return nil
}

// Item returns the item with the given ID, and whether the edition (with
// its applied amendments) has it.
func (s *Standard) Item(id ItemID) (Item, bool) {
	if r := s.findItem(id); r != nil {
		return item(r), true
	}
	return Item{}, false
}

// CheckItem returns nil if the edition has item id, and otherwise an error
// wrapping ErrUnknownItem (ErrInvalidID for the zero value).
func (s *Standard) CheckItem(id ItemID) error {
	if !id.IsValid() {
		return fielderr.Errorf(ismskit.ErrInvalidID, "empty item ID")
	}
	if s.findItem(id) == nil {
		return fielderr.Errorf(ErrUnknownItem, "%s is not a requirement item of %s", id, s.name())
	}
	return nil
}

// DocumentedInformation yields the items that ask for documented
// information, in the order of the standard: the mandatory documents
// (Maintained: scope 4.3, policy 5.2, Statement of Applicability 6.1.3 d,
// objectives 6.2) and records (Retained: risk assessment and treatment
// processes and results, competence, operations, monitoring, audits,
// management reviews, nonconformities).
//
//	for it := range iso27001.Latest().DocumentedInformation() {
//		fmt.Println(it.ID, it.Documented)
//	}
func (s *Standard) DocumentedInformation() iter.Seq[Item] {
	return func(yield func(Item) bool) {
		for it := range s.Items() {
			if it.Documented != NotDocumented && !yield(it) {
				return
			}
		}
	}
}

// isReviewInput reports whether id is a management review input item:
// the items of 9.3.2 (2022) or the lettered items of 9.3 (2013).
func (s *Standard) isReviewInput(id ItemID) bool {
	if s.findItem(id) == nil || id.kind != 'l' {
		return false
	}
	if s.tab().edition == Edition2022 {
		return id.c == ClauseID{p: [3]uint8{9, 3, 2}}
	}
	return id.c == ClauseID{p: [3]uint8{9, 3, 0}}
}

// TreeNode is one clause in the flat clause tree that Tree returns, shaped
// for JSON output.
type TreeNode struct {
	// ID is the clause number.
	ID ClauseID `json:"id"`
	// Title is the clause title as the standard words it.
	Title string `json:"title"`
	// Parent is the enclosing clause, empty for clauses 4 to 10.
	Parent string `json:"parent"`
	// Summary is ismskit's summary of the clause.
	Summary string `json:"summary"`
	// Requirements lists the IDs of the clause's own requirement items
	// (not notes, not those of subclauses); empty, never null, when none.
	Requirements []ItemID `json:"requirements"`
	// DocumentedInformation is true when one of the clause's own items
	// asks for documented information.
	DocumentedInformation bool `json:"documentedInformation"`
	// Documents lists those items with the kind of documented information.
	Documents []DocumentRequirement `json:"documents,omitempty"`
	// Counterpart is the clause with this content in the other edition.
	Counterpart string `json:"counterpart,omitempty"`
	// Change and ChangeNote say how the clause differs from the other
	// edition (2022 relative to 2013).
	Change     Change `json:"change,omitzero"`
	ChangeNote string `json:"changeNote,omitempty"`
}

// DocumentRequirement names an item that asks for documented information
// and whether it is to be maintained or retained.
type DocumentRequirement struct {
	// Item is the item asking for documented information.
	Item ItemID `json:"item"`
	// Kind is Maintained or Retained.
	Kind DocKind `json:"kind"`
}

// Tree returns every clause as a TreeNode, in the order of the standard;
// an empty, non-nil list for a nil or zero Standard.
func (s *Standard) Tree() []TreeNode {
	out := make([]TreeNode, 0, s.Len())
	for c := range s.Clauses() {
		n := TreeNode{ID: c.ID, Title: c.Title, Parent: c.Parent.String(), Summary: c.Summary, Requirements: []ItemID{},
			Counterpart: c.Counterpart.String(), Change: c.Change, ChangeNote: c.ChangeNote}
		for it := range s.ClauseItems(c.ID) {
			if it.Note {
				continue
			}
			n.Requirements = append(n.Requirements, it.ID)
			if it.Documented != NotDocumented {
				n.DocumentedInformation = true
				n.Documents = append(n.Documents, DocumentRequirement{Item: it.ID, Kind: it.Documented})
			}
		}
		out = append(out, n)
	}
	return out
}

// name is Name, or "the standard" for a nil or zero Standard, for
// messages.
func (s *Standard) name() string {
	if n := s.Name(); n != "" {
		return n
	}
	return "the standard"
}
