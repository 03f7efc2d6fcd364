package oscalcheck

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

const catalogDoc = `{"catalog": {"uuid": "9e2a5b7c-3f1d-4e8a-9b6c-2d4f6a8e0c13",
  "metadata": {"title": "T", "last-modified": "2024-01-01T00:00:00Z", "version": "1", "oscal-version": "1.2.1",
    "roles": [{"id": "creator", "title": "Creator"}],
    "parties": [{"uuid": "1c9a7e3b-5d2f-4a6b-8e0c-7f3d9b1a5c24", "type": "organization", "name": "P"}],
    "responsible-parties": [{"role-id": "creator", "party-uuids": ["1c9a7e3b-5d2f-4a6b-8e0c-7f3d9b1a5c24"]}]},
  "controls": [{"id": "x-1", "title": "X", "links": [{"href": "#%s"}, {"href": "https://example.org/x"}],
    "parts": [{"id": "x-1_smt", "name": "statement", "prose": "See [the resource](#2b8a6f0e-1c3d-4e5f-8a9b-0c1d2e3f4a5b)."}]}],
  "back-matter": {"resources": [{"uuid": "2b8a6f0e-1c3d-4e5f-8a9b-0c1d2e3f4a5b", "title": "R"}]}}}`

func TestCheck(t *testing.T) {
	// One Checker for every case, each checked twice: it gives what Check
	// gives, whether it reads a document or finds it kept (several cases
	// have a c.json of their own).
	var checker Checker
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"consistent", map[string]string{"c.json": fmt.Sprintf(catalogDoc, "2b8a6f0e-1c3d-4e5f-8a9b-0c1d2e3f4a5b")}, nil},
		{"fragment to a control", map[string]string{"c.json": fmt.Sprintf(catalogDoc, "x-1_smt")}, nil},
		{"dangling fragment", map[string]string{"c.json": fmt.Sprintf(catalogDoc, "nope")}, []string{`"#nope" names nothing in the document`}},
		{"role", map[string]string{"c.json": strings.Replace(fmt.Sprintf(catalogDoc, "x-1"), `"role-id": "creator"`, `"role-id": "author"`, 1)}, []string{`role "author" is defined nowhere`}},
		{"party", map[string]string{"c.json": strings.Replace(fmt.Sprintf(catalogDoc, "x-1"), `"party-uuids": ["1c9a7e3b`, `"party-uuids": ["2c9a7e3b`, 1)}, []string{"names nothing in the set"}},
		{"duplicate uuid", map[string]string{"c.json": strings.Replace(fmt.Sprintf(catalogDoc, "x-1"), `"uuid": "2b8a6f0e-1c3d-4e5f-8a9b-0c1d2e3f4a5b"`, `"uuid": "1c9a7e3b-5d2f-4a6b-8e0c-7f3d9b1a5c24"`, 1)}, []string{"is also"}},
		{"two documents, one uuid", map[string]string{"a.json": fmt.Sprintf(catalogDoc, "x-1"), "b.json": fmt.Sprintf(catalogDoc, "x-1")}, []string{"is also the UUID of a.json"}},
		{"schema", map[string]string{"c.json": `{"catalog": {"uuid": "x"}}`}, []string{"not a valid OSCAL catalog"}},
		{"not json", map[string]string{"c.json": `{`}, []string{"not JSON"}},
		{"unknown model", map[string]string{"c.json": `{"thing": {}}`}, []string{"not an OSCAL document of a known model"}},
		{"bad date", map[string]string{"c.json": strings.Replace(fmt.Sprintf(catalogDoc, "x-1"), "2024-01-01T00:00:00Z", "2024-01-01T00:00:00", 1)}, []string{"last-modified"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string][]byte{}
			for n, d := range tc.files {
				files[n] = []byte(d)
			}
			errs := Check(files)
			for range 2 {
				assert.Equal(t, fmt.Sprint(errs), fmt.Sprint(checker.Check(files)), "a Checker's Check")
			}
			if tc.want == nil {
				assert.Empty(t, errs)
				return
			}
			assert.NotEmpty(t, errs)
			for _, w := range tc.want {
				assert.Contains(t, fmt.Sprint(errs), w)
			}
		})
	}
}

// TestCheckerChanges checks a set, then the set with one document changed
// and changed back, with one Checker: it reads the changed document again
// and never reports the problems of a version the set no longer holds.
func TestCheckerChanges(t *testing.T) {
	good := map[string][]byte{"c.json": []byte(fmt.Sprintf(catalogDoc, "x-1"))}
	bad := map[string][]byte{"c.json": []byte(fmt.Sprintf(catalogDoc, "nope"))}
	var c Checker
	for range 2 {
		assert.Empty(t, c.Check(good))
		errs := c.Check(bad)
		assert.Len(t, errs, 1)
		assert.Contains(t, fmt.Sprint(errs), `"#nope" names nothing in the document`)
	}
	// A document is kept by name too: its problems and the files its
	// relative hrefs name depend on it.
	renamed := map[string][]byte{"d.json": bad["c.json"]}
	assert.Contains(t, fmt.Sprint(c.Check(renamed)), `d.json: catalog.controls[0].links[0].href: "#nope"`)
}

// TestCheckerConcurrent runs one Checker's Check from several goroutines
// (the race detector watches what they share).
func TestCheckerConcurrent(t *testing.T) {
	var c Checker
	var wg sync.WaitGroup
	results := make([]string, 8)
	for i := range results {
		wg.Go(func() {
			frag := []string{"x-1", "nope"}[i%2]
			results[i] = fmt.Sprint(c.Check(map[string][]byte{"c.json": []byte(fmt.Sprintf(catalogDoc, frag))}))
		})
	}
	wg.Wait()
	for i, r := range results {
		if i%2 == 0 {
			assert.Equal(t, "[]", r)
		} else {
			assert.Contains(t, r, `"#nope" names nothing in the document`)
		}
	}
}
