// Package schematest generates, checks and applies the JSON Schemas of
// ismskit's documents in tests. Only _test files import it: it depends on
// github.com/santhosh-tekuri/jsonschema (a validator, test-only) and
// registers the -update flag of internal/goldenfile.
//
// Every package that encodes a document follows the same rule: it exports
// JSONSchema() []byte for its main document and <Doc>Schema() []byte for
// each further one, each returning a fresh copy of an embedded file
// schema/<doc>.schema.json. The package's tests
//
//   - build the schema from the Go type with a Reflector from NewReflector,
//     which takes the descriptions from the Go doc comments (Describe
//     fills in for a field the source leaves undocumented), and Reflect;
//   - call CheckGenerated, which compares the generated schema with the
//     committed file and with what the API returns, checks that every
//     property has a description, and rewrites the file under -update;
//   - call Require (or RequireFiles) on every golden JSON document of that
//     type, and Reject on at least one wrong document.
//
// Nothing here keeps state between calls; the functions are safe for
// concurrent use by parallel tests.
package schematest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	invopop "github.com/invopop/jsonschema"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/ismskit/ismskit/internal/goldenfile"
)

// BaseID is the common prefix of the $id of every committed schema; the
// package path and the file name follow it, as in
// https://github.com/ismskit/ismskit/risk/schema/register.schema.json.
const BaseID = "https://github.com/ismskit/ismskit/"

// ModulePath is the import path of the ismskit module.
const ModulePath = "github.com/ismskit/ismskit"

// NewReflector returns an invopop/jsonschema Reflector for the package
// whose directory, relative to the module root, is pkg ("risk",
// "risk/fair"). It reads the Go doc comments of the package's source
// files, which a test finds in its working directory ("."), and uses them
// as descriptions: a type's first sentence for its definition, a field's
// whole comment for its property, and a comment that covers a group of
// adjacent fields for each of them; the source's line breaks are joined.
// Callers may set Mapper, Namer or LookupComment on the result (or call
// Describe) before reflecting.
func NewReflector(pkg string) (*invopop.Reflector, error) {
	return newReflector(pkg, ".")
}

func newReflector(pkg, dir string) (*invopop.Reflector, error) {
	r := &invopop.Reflector{Mapper: Mapper}
	if err := r.AddGoComments(ModulePath+"/"+pkg, dir); err != nil {
		return nil, fmt.Errorf("schematest: comments of %s: %w", pkg, err)
	}
	if err := addGroupedComments(r.CommentMap, ModulePath+"/"+pkg, dir); err != nil {
		return nil, fmt.Errorf("schematest: comments of %s: %w", pkg, err)
	}
	for k, v := range r.CommentMap {
		r.CommentMap[k] = unwrap(v)
	}
	return r, nil
}

// addGroupedComments gives a struct field without a comment of its own
// the doc comment of the field on the line just above it, when that one
// has or shares one: the Go convention for a comment that covers a group
// of fields,
//
//	// First and last day.
//	Start Date
//	End   Date
//
// It reads the .go files of dir (not its subdirectories: a package's
// schema uses the package's own comments) and fills only keys of
// commentMap that are missing.
func addGroupedComments(commentMap map[string]string, importPath, dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.ParseComments)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok || !ts.Name.IsExported() {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			shared, prevLine := "", -1
			for _, fld := range st.Fields.List {
				line := fset.Position(fld.Pos()).Line
				own := fld.Doc.Text()
				if own == "" {
					own = fld.Comment.Text()
				}
				switch {
				case own != "":
					shared = own
				case line != prevLine+1:
					shared = ""
				}
				prevLine = fset.Position(fld.End()).Line
				if own != "" || shared == "" {
					continue
				}
				for _, name := range fld.Names {
					key := importPath + "." + ts.Name.Name + "." + name.Name
					if name.IsExported() && commentMap[key] == "" {
						commentMap[key] = strings.TrimSpace(shared)
					}
				}
			}
			return true
		})
	}
	return nil
}

// Describe gives descriptions to the types and fields of package pkg
// that have no doc comment in the Go source (an unexported wire type, a
// field a comment does not cover), through r.LookupComment. Keys are
// "Type" or "Type.Field", with the Go names. A doc comment in the source
// always wins: Describe returns an error naming every key the comments
// read by NewReflector already cover, so that the fallback is removed
// once the source is documented. Call it after NewReflector.
func Describe(r *invopop.Reflector, pkg string, fallback map[string]string) error {
	prefix := ModulePath + "/" + pkg + "."
	var covered []string
	for k := range fallback {
		if r.CommentMap[prefix+k] != "" {
			covered = append(covered, k)
		}
	}
	if len(covered) > 0 {
		slices.Sort(covered)
		return fmt.Errorf("schematest: the Go source documents %s now; remove the fallback", strings.Join(covered, ", "))
	}
	next := r.LookupComment
	r.LookupComment = func(t reflect.Type, field string) string {
		if next != nil {
			if d := next(t, field); d != "" {
				return d
			}
		}
		if t.PkgPath() != ModulePath+"/"+pkg {
			return ""
		}
		key := t.Name()
		if field != "" {
			key += "." + field
		}
		if r.CommentMap[prefix+key] != "" {
			return "" // the doc comment, from the CommentMap
		}
		return fallback[key]
	}
	return nil
}

// unwrap joins the lines of a doc comment's paragraphs with spaces and
// separates paragraphs with one blank line, so that a description does
// not carry the source's line breaks.
func unwrap(comment string) string {
	var paras []string
	for p := range strings.SplitSeq(strings.TrimSpace(comment), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

// Reflect builds the schema of v's type with r, and gives it the $id
// BaseID+pkg+"/schema/"+file, a title and a description. A definition
// without a description (the schema of a type with its own JSONSchema
// method, such as an enum) gets the first sentence of its type's doc
// comment, where pkg has a type of that name. An "extensions" property
// held as json.RawMessage, which reflects as any JSON value, is typed as
// the object the documents' convention makes it.
func Reflect(r *invopop.Reflector, v any, pkg, file, title, description string) *invopop.Schema {
	s := r.Reflect(v)
	for name, def := range s.Definitions {
		if def.Description == "" {
			def.Description = r.CommentMap[ModulePath+"/"+pkg+"."+name]
		}
		if def.Properties == nil {
			continue
		}
		if ext, ok := def.Properties.Get("extensions"); ok && ext.Type == "" && ext.Ref == "" {
			ext.Type = "object"
		}
	}
	s.ID = invopop.ID(BaseID + pkg + "/schema/" + file)
	s.Title = title
	s.Description = description
	return s
}

// Marshal returns the committed form of a schema: indented by two
// spaces, ending in a newline, with <, > and & left as they are.
func Marshal(s *invopop.Schema) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, fmt.Errorf("schematest: marshal schema: %w", err)
	}
	return buf.Bytes(), nil
}

// CheckGenerated is the one up-to-date check of a generated schema. It
// marshals s, compares the bytes with the committed file at path
// (relative to the package directory; under -update it rewrites the file
// instead), and, unless updating, with api(), the package's exported
// accessor of the embedded copy. It also checks that api returns a fresh
// copy on every call, that the schema compiles, and that every property
// has a description (see Undescribed).
func CheckGenerated(t testing.TB, path string, s *invopop.Schema, api func() []byte) {
	t.Helper()
	got, err := Marshal(s)
	if err != nil {
		t.Fatalf("%v", err)
		return
	}
	goldenfile.Check(t, path, got)
	if _, err := Compile(path, got); err != nil {
		t.Errorf("generated schema %s does not compile: %v", path, err)
	}
	if missing, err := Undescribed(got); err != nil {
		t.Errorf("%s: %v", path, err)
	} else if len(missing) > 0 {
		t.Errorf("%s: properties without a description (add a doc comment to the Go field): %s", path, strings.Join(missing, ", "))
	}
	if goldenfile.Updating() {
		return // the embedded copy is refreshed at the next build
	}
	embedded := api()
	if !bytes.Equal(embedded, got) {
		t.Errorf("the schema the package embeds differs from %s (does the accessor embed that file?)", path)
		return
	}
	if len(embedded) > 0 {
		embedded[0] ^= 0xff
		if again := api(); len(again) == 0 || again[0] == embedded[0] {
			t.Errorf("the accessor of %s does not return a fresh copy", path)
		}
	}
}

// Undescribed returns the JSON pointers of the properties of a schema
// that have no description, in the root schema and in every definition
// ($defs), sorted. A property that is a $ref counts as described only
// with a description of its own, next to the $ref.
func Undescribed(schema []byte) ([]string, error) {
	var doc map[string]any
	if err := json.Unmarshal(schema, &doc); err != nil {
		return nil, fmt.Errorf("schematest: %w", err)
	}
	var out []string
	check := func(prefix string, s map[string]any) {
		props, _ := s["properties"].(map[string]any)
		for name, p := range props {
			ps, _ := p.(map[string]any)
			if d, _ := ps["description"].(string); d == "" {
				out = append(out, prefix+"/properties/"+escapePointer(name))
			}
		}
	}
	check("", doc)
	defs, _ := doc["$defs"].(map[string]any)
	for name, d := range defs {
		if ds, ok := d.(map[string]any); ok {
			check("/$defs/"+escapePointer(name), ds)
		}
	}
	slices.Sort(out)
	return out, nil
}

func escapePointer(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// Compile compiles a schema given as JSON, asserting the "format"
// keyword (date, date-time, ...). The name is used as the schema's
// location in error messages and for relative references.
func Compile(name string, schema []byte) (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := "mem:///" + name
	if err := c.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	return c.Compile(url)
}

// Validate reports whether document validates against the compiled schema.
func Validate(s *jsonschema.Schema, document []byte) error {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(document))
	if err != nil {
		return err
	}
	return s.Validate(doc)
}

// Require fails the test unless every document validates against the
// schema.
func Require(t testing.TB, schemaName string, schema []byte, documents ...[]byte) {
	t.Helper()
	s, err := Compile(schemaName, schema)
	if err != nil {
		t.Fatalf("compile %s: %v", schemaName, err)
		return
	}
	for i, d := range documents {
		if err := Validate(s, d); err != nil {
			t.Errorf("document %d does not validate against %s: %v", i, schemaName, err)
		}
	}
}

// RequireFiles is Require for the documents in the files at paths
// (relative to the package directory). A missing file, or no path at
// all, fails the test.
func RequireFiles(t testing.TB, schemaName string, schema []byte, paths ...string) {
	t.Helper()
	if len(paths) == 0 {
		t.Errorf("RequireFiles %s: no files", schemaName)
		return
	}
	s, err := Compile(schemaName, schema)
	if err != nil {
		t.Fatalf("compile %s: %v", schemaName, err)
		return
	}
	for _, p := range paths {
		d, err := os.ReadFile(p)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if err := Validate(s, d); err != nil {
			t.Errorf("%s does not validate against %s: %v", p, schemaName, err)
		}
	}
}

// Reject fails the test unless every document fails to validate against
// the schema: the negative counterpart of Require, to show that the
// schema is not so loose that it accepts anything.
func Reject(t testing.TB, schemaName string, schema []byte, documents ...[]byte) {
	t.Helper()
	s, err := Compile(schemaName, schema)
	if err != nil {
		t.Fatalf("compile %s: %v", schemaName, err)
		return
	}
	for i, d := range documents {
		if err := Validate(s, d); err == nil {
			t.Errorf("document %d validates against %s but should not: %s", i, schemaName, d)
		}
	}
}

// Mapper gives the schemas of ismskit's value types that encode as
// strings, which reflection alone would describe as empty objects. It
// knows them by their import path and name, so that this package needs
// none of them; NewReflector installs it.
func Mapper(t reflect.Type) *invopop.Schema {
	switch t.PkgPath() + "." + t.Name() {
	case ModulePath + ".Date":
		return &invopop.Schema{Type: "string", Format: "date"}
	}
	return isoSchema(t)
}
