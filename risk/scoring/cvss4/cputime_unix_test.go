//go:build unix

package cvss4

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time the process has used, all threads
// together. Benchmarks report it per op (cpu-ns/op) because wall-clock
// figures on a shared machine vary with other load.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
