//go:build !unix

package checks

import "time"

// processCPU is unavailable here; benchmarks report 0 cpu-ms/op.
func processCPU() time.Duration { return 0 }
