package strictjson_test

import (
	"fmt"
	"strings"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/strictjson"
)

type estimate struct {
	Likelihood int `json:"likelihood"`
	Impact     int `json:"impact"`
}

type riskEntry struct {
	ID      string            `json:"id"`
	Current estimate          `json:"current"`
	Tags    map[string]string `json:"tags"`
}

func ExampleUnmarshal() {
	data := []byte(`{"risks": [
		{"id": "R-1", "current": {"likelihood": 3, "impact": 4}},
		{"id": "R-2", "current": {"Likelihood": 2, "impact": "high"}, "tags": {"5.1": "a", "5.1": "b"}}
	]}`)
	var doc struct {
		Risks []riskEntry `json:"risks"`
	}
	err := strictjson.Unmarshal(data, &doc)
	for _, p := range ismskit.Problems(err) {
		fmt.Printf("%s: %s (%s)\n", p.Path, p.Message(), p.Code())
	}
	fmt.Println("decoded:", doc.Risks != nil)
	// Output:
	// risks[1].current.Likelihood: unknown field (unknown-field)
	// risks[1].current.impact: wrong type: want integer, got string (type)
	// risks[1].tags["5.1"]: duplicate field (duplicate-field)
	// decoded: false
}

func ExampleRead() {
	var v []int
	err := strictjson.Read(strings.NewReader(`[1, 2, 3, 4, 5]`), &v, ismskit.MaxBytes(8))
	fmt.Println(err)
	var deep any
	err = strictjson.Read(strings.NewReader(`[[[1]]]`), &deep, ismskit.MaxDepth(2))
	fmt.Println(err)
	fmt.Println(strictjson.Read(strings.NewReader(`[1, 2]`), &v), v)
	// Output:
	// input is longer than the limit of 8 bytes
	// JSON nested deeper than 2 levels at offset 2
	// <nil> [1 2]
}
