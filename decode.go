package ismskit

// The default limits of every decoder. They fit the largest documents an
// organisation keeps (a register of 100,000 risks is about 21 MB) and stop
// a hostile input long before it costs a server its memory or its stack.
const (
	// DefaultMaxBytes is the longest input a decoder reads: 32 MiB.
	DefaultMaxBytes = 32 << 20
	// DefaultMaxDepth is the deepest nesting of JSON arrays and objects a
	// decoder accepts. ismskit's own documents nest less than 16 deep;
	// the rest is room for extensions.
	DefaultMaxDepth = 128
	// DefaultMaxProblems is how many problems a decoder or validator
	// reports for one input before it stops with a last ErrMoreProblems
	// entry that says how many more it found.
	DefaultMaxProblems = 100
)

// Limits bound the work a decoder does on one input. A field of zero
// takes its default; a negative MaxBytes or MaxDepth means no limit (for
// trusted input only).
type Limits struct {
	// MaxBytes is the longest input accepted, in bytes
	// (DefaultMaxBytes). A longer input is an ErrTooLarge error before
	// any decoding; a reader is not read past it.
	MaxBytes int64
	// MaxDepth is the deepest nesting of arrays and objects accepted
	// (DefaultMaxDepth). Deeper input is an ErrTooDeep error with its
	// byte offset.
	MaxDepth int
	// MaxProblems is how many problems are reported
	// (DefaultMaxProblems).
	MaxProblems int
}

// A DecodeOption sets a limit of one decoding call:
//
//	reg, err := risk.DecodeRegister(data, ismskit.MaxBytes(1<<20))
type DecodeOption func(*Limits)

// MaxBytes sets the longest input accepted, in bytes; n < 0 removes the
// limit.
func MaxBytes(n int64) DecodeOption { return func(l *Limits) { l.MaxBytes = n } }

// MaxDepth sets the deepest nesting of JSON arrays and objects accepted;
// n < 0 removes the limit.
func MaxDepth(n int) DecodeOption { return func(l *Limits) { l.MaxDepth = n } }

// MaxProblems sets how many problems are reported before the rest are
// counted in one ErrMoreProblems entry; n <= 0 keeps the default.
func MaxProblems(n int) DecodeOption { return func(l *Limits) { l.MaxProblems = n } }

// LimitsOf returns the limits that opts set, with the defaults filled in
// for the rest. Decoders call it; a program that writes its own decoder
// on top of ismskit's can use it to accept the same options.
func LimitsOf(opts ...DecodeOption) Limits {
	var l Limits
	for _, o := range opts {
		if o != nil {
			o(&l)
		}
	}
	if l.MaxBytes == 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxDepth == 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxProblems <= 0 {
		l.MaxProblems = DefaultMaxProblems
	}
	return l
}
