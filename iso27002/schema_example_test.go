package iso27002_test

import (
	"encoding/json"
	"fmt"

	"github.com/ismskit/ismskit/iso27002"
)

// The schema is plain JSON (draft 2020-12): read it, publish it, or hand
// it to a validator of your choice.
func ExampleJSONSchema() {
	var schema struct {
		ID    string `json:"$id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(iso27002.JSONSchema(), &schema); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema.Title)
	fmt.Println(schema.ID)
	// Output:
	// ismskit control catalog
	// https://github.com/ismskit/ismskit/iso27002/schema/catalog.schema.json
}

// The schema is plain JSON (draft 2020-12): read it, publish it, or hand
// it to a validator of your choice.
func ExampleOverlaySchema() {
	var schema struct {
		ID    string `json:"$id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(iso27002.OverlaySchema(), &schema); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema.Title)
	fmt.Println(schema.ID)
	// Output:
	// ismskit licensed-text overlay
	// https://github.com/ismskit/ismskit/iso27002/schema/overlay.schema.json
}
