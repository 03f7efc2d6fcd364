package apiguard

import (
	"fmt"
	"go/types"
	"sort"
	"strings"
)

// Listing returns the exported API of p as text: a header line with the
// import path, then one line per exported declaration, sorted. Constants
// carry their values, struct types list their exported fields, interfaces
// their methods, and every type its exported methods, so that any change
// a caller could notice changes a line.
func Listing(p *types.Package) []byte {
	q := func(other *types.Package) string {
		if other == p {
			return ""
		}
		return other.Name()
	}
	var lines []string
	add := func(format string, args ...any) { lines = append(lines, fmt.Sprintf(format, args...)) }
	scope := p.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		if !obj.Exported() {
			continue
		}
		switch o := obj.(type) {
		case *types.Const:
			add("const %s %s = %s", name, types.TypeString(o.Type(), q), o.Val().ExactString())
		case *types.Var:
			add("var %s %s", name, types.TypeString(o.Type(), q))
		case *types.Func:
			add("func %s%s", name, signature(o.Type().(*types.Signature), q))
		case *types.TypeName:
			typeLines(o, q, add)
		}
	}
	sort.Strings(lines)
	return []byte("pkg " + p.Path() + "\n" + strings.Join(lines, "\n") + "\n")
}

func typeLines(o *types.TypeName, q types.Qualifier, add func(string, ...any)) {
	name := o.Name()
	if o.IsAlias() {
		add("type %s = %s", name, types.TypeString(o.Type(), q))
		return
	}
	named, ok := o.Type().(*types.Named)
	if !ok {
		add("type %s %s", name, types.TypeString(o.Type(), q))
		return
	}
	tparams := ""
	if tp := named.TypeParams(); tp != nil && tp.Len() > 0 {
		var ps []string
		for i := 0; i < tp.Len(); i++ {
			ps = append(ps, tp.At(i).Obj().Name()+" "+types.TypeString(tp.At(i).Constraint(), q))
		}
		tparams = "[" + strings.Join(ps, ", ") + "]"
	}
	switch u := named.Underlying().(type) {
	case *types.Struct:
		add("type %s%s struct", name, tparams)
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if !f.Exported() {
				continue
			}
			if f.Embedded() {
				add("type %s struct, embedded %s", name, types.TypeString(f.Type(), q))
				continue
			}
			add("type %s struct, %s %s", name, f.Name(), types.TypeString(f.Type(), q))
		}
	case *types.Interface:
		add("type %s%s interface", name, tparams)
		for i := 0; i < u.NumExplicitMethods(); i++ {
			m := u.ExplicitMethod(i)
			if m.Exported() {
				add("type %s interface, %s%s", name, m.Name(), signature(m.Type().(*types.Signature), q))
			}
		}
		for i := 0; i < u.NumEmbeddeds(); i++ {
			add("type %s interface, embedded %s", name, types.TypeString(u.EmbeddedType(i), q))
		}
		if !u.IsMethodSet() {
			add("type %s interface, constraint %s", name, types.TypeString(u, q))
		}
	default:
		add("type %s%s %s", name, tparams, types.TypeString(u, q))
	}
	for i := 0; i < named.NumMethods(); i++ {
		m := named.Method(i)
		if !m.Exported() {
			continue
		}
		sig := m.Type().(*types.Signature)
		recv := name
		if _, ptr := sig.Recv().Type().(*types.Pointer); ptr {
			recv = "*" + name
		}
		add("method (%s) %s%s", recv, m.Name(), signature(sig, q))
	}
}

// signature prints a function signature without parameter names, which a
// caller cannot notice.
func signature(sig *types.Signature, q types.Qualifier) string {
	var b strings.Builder
	if tp := sig.TypeParams(); tp != nil && tp.Len() > 0 {
		var ps []string
		for i := 0; i < tp.Len(); i++ {
			ps = append(ps, tp.At(i).Obj().Name()+" "+types.TypeString(tp.At(i).Constraint(), q))
		}
		b.WriteString("[" + strings.Join(ps, ", ") + "]")
	}
	b.WriteString("(")
	for i := 0; i < sig.Params().Len(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		t := sig.Params().At(i).Type()
		if sig.Variadic() && i == sig.Params().Len()-1 {
			b.WriteString("..." + types.TypeString(t.(*types.Slice).Elem(), q))
			continue
		}
		b.WriteString(types.TypeString(t, q))
	}
	b.WriteString(")")
	switch r := sig.Results(); r.Len() {
	case 0:
	case 1:
		b.WriteString(" " + types.TypeString(r.At(0).Type(), q))
	default:
		var rs []string
		for i := 0; i < r.Len(); i++ {
			rs = append(rs, types.TypeString(r.At(i).Type(), q))
		}
		b.WriteString(" (" + strings.Join(rs, ", ") + ")")
	}
	return b.String()
}
