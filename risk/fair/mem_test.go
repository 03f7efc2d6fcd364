package fair

import "runtime"

// runtimeMem is what the heap has allocated so far: bytes and objects.
type runtimeMem struct{ total, mallocs uint64 }

func (m *runtimeMem) read() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.total, m.mallocs = ms.TotalAlloc, ms.Mallocs
}
