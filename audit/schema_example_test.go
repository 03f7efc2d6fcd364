package audit_test

import (
	"encoding/json"
	"fmt"

	"github.com/ismskit/ismskit/audit"
)

// The schema is plain JSON (draft 2020-12): read it, publish it, or hand
// it to a validator of your choice.
func ExampleJSONSchema() {
	var schema struct {
		ID    string `json:"$id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(audit.JSONSchema(), &schema); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema.Title)
	fmt.Println(schema.ID)
	// Output:
	// ismskit audit records
	// https://github.com/ismskit/ismskit/audit/schema/records.schema.json
}

// The schema is plain JSON (draft 2020-12): read it, publish it, or hand
// it to a validator of your choice.
func ExampleReportSchema() {
	var schema struct {
		ID    string `json:"$id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(audit.ReportSchema(), &schema); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema.Title)
	fmt.Println(schema.ID)
	// Output:
	// ismskit audit report
	// https://github.com/ismskit/ismskit/audit/schema/report.schema.json
}
