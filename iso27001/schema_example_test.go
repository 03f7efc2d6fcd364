package iso27001_test

import (
	"encoding/json"
	"fmt"

	"github.com/ismskit/ismskit/iso27001"
)

// The schema is plain JSON (draft 2020-12): read it, publish it, or hand
// it to a validator of your choice.
func ExampleJSONSchema() {
	var schema struct {
		ID    string `json:"$id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(iso27001.JSONSchema(), &schema); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema.Title)
	fmt.Println(schema.ID)
	// Output:
	// ismskit ISO/IEC 27001 ISMS records
	// https://github.com/ismskit/ismskit/iso27001/schema/records.schema.json
}

// The schema is plain JSON (draft 2020-12): read it, publish it, or hand
// it to a validator of your choice.
func ExampleClausesSchema() {
	var schema struct {
		ID    string `json:"$id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(iso27001.ClausesSchema(), &schema); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema.Title)
	fmt.Println(schema.ID)
	// Output:
	// ismskit ISO/IEC 27001 clause tree
	// https://github.com/ismskit/ismskit/iso27001/schema/clauses.schema.json
}
