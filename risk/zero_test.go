package risk

import (
	"fmt"
	"reflect"
	"testing"
)

// zeroFuncs holds every exported function of the package, for
// TestZeroArgumentsNeverPanic.
var zeroFuncs = map[string]any{
	"AcceptanceOf": AcceptanceOf, "AcceptanceStatuses": AcceptanceStatuses, "ActionStatuses": ActionStatuses,
	"Aggregate": Aggregate, "AssessRegister": AssessRegister, "AssetKinds": AssetKinds, "CSVColumns": CSVColumns,
	"ChangeKinds": ChangeKinds, "Check": Check, "CheckControls": CheckControls, "CheckHistory": CheckHistory,
	"Compare": Compare, "ContrastRatio": ContrastRatio, "ControlStatuses": ControlStatuses, "ControlTheme": ControlTheme, "CriteriaSchema": CriteriaSchema,
	"DecodeCSV": DecodeCSV, "DecodeCriteria": DecodeCriteria, "DecodeRegister": DecodeRegister, "Diff": Diff,
	"Dimensions": Dimensions, "EncodeCSV": EncodeCSV, "EncodeRegisterCSV": EncodeRegisterCSV, "EncodeCriteria": EncodeCriteria, "EncodeRegister": EncodeRegister,
	"JSONSchema": JSONSchema, "NeedingAcceptance": NeedingAcceptance, "NewAssessor": NewAssessor, "NewHeatMap": NewHeatMap,
	"NewScoreRecord": NewScoreRecord, "ParseAcceptanceStatus": ParseAcceptanceStatus, "ParseActionStatus": ParseActionStatus,
	"ParseAssetKind": ParseAssetKind, "ParseChangeKind": ParseChangeKind, "ParseControlStatus": ParseControlStatus,
	"ParseDimension": ParseDimension, "ParseProperty": ParseProperty, "ParseSeverity": ParseSeverity, "ParseStage": ParseStage,
	"ParseTreatmentOption": ParseTreatmentOption, "PlanApproved": PlanApproved, "ProductMatrix": ProductMatrix,
	"Properties": Properties, "Rank": Rank, "ReadCSV": ReadCSV, "ReadCriteria": ReadCriteria, "ReadRegister": ReadRegister,
	"Severities": Severities, "SortAssessments": SortAssessments, "Stages": Stages, "Standard3x3": Standard3x3,
	"Standard4x4": Standard4x4, "Standard5x5": Standard5x5, "SumMatrix": SumMatrix, "TextColour": TextColour, "TreatmentOptions": TreatmentOptions,
	"WriteCSV": WriteCSV, "WriteCriteria": WriteCriteria, "WriteRegister": WriteRegister,
}

// TestZeroArgumentsNeverPanic calls every exported function of the
// package with zero arguments (nil pointers, slices, maps, functions,
// readers and writers, zero dates and enums), and every exported method
// of every exported type on the zero value, on a pointer to it and, for
// methods declared on the pointer, on a nil pointer, also with zero
// arguments. Each must return (an error or a documented zero result),
// never panic. Iterators they return are run to the end. The lists of
// functions and types are checked against the package's source, so a
// new one cannot be left out.
func TestZeroArgumentsNeverPanic(t *testing.T) {
	types, funcs := exportedAPI(t)
	covered := map[string]bool{}
	for n := range zeroFuncs {
		covered[n] = true
	}
	requireCovers(t, "functions", funcs, covered)
	for _, name := range funcs {
		callZero(t, name, reflect.ValueOf(zeroFuncs[name]), nil)
	}

	values := jsonValues(t) // every exported type, checked by TestJSONEveryType
	for _, name := range types {
		typ := reflect.TypeOf(values[name][0])
		if typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		valueMethods := map[string]bool{}
		for m := range typ.Methods() {
			valueMethods[m.Name] = true
			callZero(t, name+"."+m.Name, m.Func, []reflect.Value{reflect.Zero(typ)})
		}
		ptr := reflect.PointerTo(typ)
		for m := range ptr.Methods() {
			callZero(t, "(*"+name+")."+m.Name, m.Func, []reflect.Value{reflect.New(typ)})
			if !valueMethods[m.Name] {
				callZero(t, "(*"+name+")(nil)."+m.Name, m.Func, []reflect.Value{reflect.Zero(ptr)})
			}
		}
	}
	t.Logf("%d calls", zeroCalls)
}

var zeroCalls int

// callZero calls fn with the given leading arguments and zero values for
// the rest, and fails the test if it panics.
func callZero(t *testing.T, name string, fn reflect.Value, lead []reflect.Value) {
	t.Helper()
	zeroCalls++
	ft := fn.Type()
	args := append([]reflect.Value(nil), lead...)
	for i := len(lead); i < ft.NumIn(); i++ {
		args = append(args, reflect.Zero(ft.In(i)))
	}
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s with zero arguments panics: %v", name, r)
		}
	}()
	var out []reflect.Value
	if ft.IsVariadic() {
		out = fn.CallSlice(args)
	} else {
		out = fn.Call(args)
	}
	for _, v := range out {
		drain(v)
		_ = fmt.Sprint(v.Interface()) // printing a result must not panic either
	}
}

// drain runs an iterator (func(yield func(...) bool)) to its end.
func drain(v reflect.Value) {
	t := v.Type()
	if t.Kind() != reflect.Func || v.IsNil() || t.NumIn() != 1 || t.NumOut() != 0 {
		return
	}
	y := t.In(0)
	if y.Kind() != reflect.Func || y.NumOut() != 1 || y.Out(0).Kind() != reflect.Bool {
		return
	}
	v.Call([]reflect.Value{reflect.MakeFunc(y, func([]reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(true)}
	})})
}
