package scoring_test

import (
	"encoding/json"
	"fmt"

	"github.com/ismskit/ismskit/risk/scoring"
)

// The schema is plain JSON (draft 2020-12): read it, publish it, or hand
// it to a validator of your choice.
func ExampleJSONSchema() {
	var schema struct {
		ID    string `json:"$id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(scoring.JSONSchema(), &schema); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema.Title)
	fmt.Println(schema.ID)
	// Output:
	// ismskit risk scoring result
	// https://github.com/ismskit/ismskit/risk/scoring/schema/result.schema.json
}
