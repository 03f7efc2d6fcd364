package soa_test

import (
	"encoding/json"
	"fmt"

	"github.com/ismskit/ismskit/soa"
)

// The schema is plain JSON (draft 2020-12): read it, publish it, or hand
// it to a validator of your choice.
func ExampleSourcesSchema() {
	var schema struct {
		ID    string `json:"$id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(soa.SourcesSchema(), &schema); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema.Title)
	fmt.Println(schema.ID)
	// Output:
	// ismskit SoA requirement sources
	// https://github.com/ismskit/ismskit/soa/schema/sources.schema.json
}
