package certification_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27001/certification"
)

// exportedFuncs lists every exported function of the package; TestAPIZero
// fails when the source has one that is not here.
var exportedFuncs = map[string]any{
	"Next": certification.Next, "ParseKind": certification.ParseKind, "Schedule": certification.Schedule,
	"TransitionDeadline": certification.TransitionDeadline, "Valid": certification.Valid,
	"ValidUntil": certification.ValidUntil,
}

// exportedTypes has a value of every exported type of the package.
var exportedTypes = []any{certification.Certificate{}, certification.Event{}, certification.Kind(0)}

// TestAPIZero calls every exported function with zero arguments, and every
// exported method on a zero value and on a nil pointer: none panics, and
// the zero Certificate is an error, not a schedule.
func TestAPIZero(t *testing.T) {
	apitest.ZeroCalls(t, ".", exportedFuncs, exportedTypes...)
	_, err := certification.Schedule(certification.Certificate{})
	assert.ErrorIs(t, err, ismskit.ErrMissing)
	_, err = certification.Next(certification.Certificate{}, ismskit.Date{})
	assert.ErrorIs(t, err, ismskit.ErrMissing)
}

// TestAPIJSON encodes the zero value and typical values of every exported
// type with encoding/json, with lowerCamelCase keys, and decodes them
// back to equal values.
func TestAPIJSON(t *testing.T) {
	cert := certification.Certificate{Edition: iso27001.Edition2013, Stage1: ismskit.MustParseDate("2023-01-10"),
		Stage2: ismskit.MustParseDate("2023-02-10"), Decision: ismskit.MustParseDate("2023-03-01"),
		Surveillance1: ismskit.MustParseDate("2024-02-01"), Transitioned: ismskit.MustParseDate("2024-09-01")}
	events, err := certification.Schedule(cert)
	if err != nil {
		t.Fatal(err)
	}
	apitest.JSON(t, ".", append(slices.Clone(exportedTypes), cert, events[0], events[len(events)-1], certification.Transition)...)
}
