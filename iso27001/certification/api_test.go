package certification_test

import (
	"errors"
	"testing"

	"github.com/ismskit/ismskit"
	"github.com/ismskit/ismskit/internal/apitest"
	"github.com/ismskit/ismskit/iso27001"
	"github.com/ismskit/ismskit/iso27001/certification"
)

// TestZeroAndNilNeverPanic calls every exported function and method with
// zero arguments and on zero values.
func TestZeroAndNilNeverPanic(t *testing.T) {
	var (
		c   certification.Certificate
		e   certification.Event
		k   certification.Kind
		day ismskit.Date
	)
	calls := map[string]func(){
		"Event.Overdue":      func() { _ = e.Overdue(day) },
		"Kind.IsValid":       func() { _ = k.IsValid() },
		"Kind.MarshalText":   func() { _, _ = k.MarshalText() },
		"Kind.String":        func() { _ = k.String() },
		"Kind.UnmarshalText": func() { _ = k.UnmarshalText(nil); _ = (*certification.Kind)(nil).UnmarshalText(nil) },
		"Next":               func() { _, _ = certification.Next(c, day) },
		"ParseKind":          func() { _, _ = certification.ParseKind("") },
		"Schedule":           func() { _, _ = certification.Schedule(c) },
		"TransitionDeadline": func() { _ = certification.TransitionDeadline() },
		"Valid":              func() { _, _ = certification.Valid(c, day) },
		"ValidUntil":         func() { _, _ = certification.ValidUntil(c) },
	}
	funcs, _ := apitest.Exported(t, ".")
	apitest.Covered(t, "function", funcs, calls)
	apitest.NoPanic(t, calls)
	for name, err := range map[string]error{
		"Schedule": func() error { _, err := certification.Schedule(c); return err }(),
		"Next":     func() error { _, err := certification.Next(c, day); return err }(),
	} {
		if !errors.Is(err, ismskit.ErrMissing) {
			t.Errorf("%s of the zero Certificate: %v, want ErrMissing", name, err)
		}
	}
}

// TestEveryTypeMarshals encodes the zero value and a typical value of
// every exported type with encoding/json and decodes them back.
func TestEveryTypeMarshals(t *testing.T) {
	cert := certification.Certificate{Edition: iso27001.Edition2013, Stage1: ismskit.MustParseDate("2023-01-10"),
		Stage2: ismskit.MustParseDate("2023-02-10"), Decision: ismskit.MustParseDate("2023-03-01"),
		Surveillance1: ismskit.MustParseDate("2024-02-01"), Transitioned: ismskit.MustParseDate("2024-09-01")}
	events, err := certification.Schedule(cert)
	if err != nil {
		t.Fatal(err)
	}
	values := map[string][]any{
		"Certificate": {certification.Certificate{}, cert},
		"Event":       {certification.Event{}, events[0], events[len(events)-1]},
		"Kind":        {certification.Kind(0), certification.Transition},
	}
	_, types := apitest.Exported(t, ".")
	apitest.Covered(t, "type", types, values)
	for name, vs := range values {
		for _, v := range vs {
			apitest.JSON(t, name, v, true)
		}
	}
}
