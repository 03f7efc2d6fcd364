//go:build !unix

package cvss4

import "time"

// processCPU is not measured on this system.
func processCPU() time.Duration { return 0 }
