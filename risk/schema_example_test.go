package risk_test

import (
	"encoding/json"
	"fmt"

	"github.com/ismskit/ismskit/risk"
)

// The schema is plain JSON (draft 2020-12): read it, publish it, or hand
// it to a validator of your choice.
func ExampleJSONSchema() {
	var schema struct {
		ID    string `json:"$id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(risk.JSONSchema(), &schema); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema.Title)
	fmt.Println(schema.ID)
	// Output:
	// ismskit risk register
	// https://github.com/ismskit/ismskit/risk/schema/register.schema.json
}

// The schema is plain JSON (draft 2020-12): read it, publish it, or hand
// it to a validator of your choice.
func ExampleCriteriaSchema() {
	var schema struct {
		ID    string `json:"$id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(risk.CriteriaSchema(), &schema); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema.Title)
	fmt.Println(schema.ID)
	// Output:
	// ismskit risk criteria
	// https://github.com/ismskit/ismskit/risk/schema/criteria.schema.json
}
