package fair

import (
	"math"
	"sync"
)

// b2i is 1 for true and 0 for false; the compiler makes it branch-free.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// partitionLess moves the elements < t to the front of a without
// branching on the data (a branch-free Lomuto pass) and returns how many
// there are.
func partitionLess(a []float64, t float64) int {
	j := 0
	for i, v := range a {
		a[i] = a[j]
		a[j] = v
		j += b2i(v < t)
	}
	return j
}

// partitionLE moves the elements <= t to the front of a and returns how
// many there are.
func partitionLE(a []float64, t float64) int {
	j := 0
	for i, v := range a {
		a[i] = a[j]
		a[j] = v
		j += b2i(v <= t)
	}
	return j
}

// selectK reorders a (which holds no NaN) so that a[k] is the value of
// rank k, every element before it is <= a[k] and every element after it
// is >= a[k]. The pivot comes from Floyd and Rivest's sampling step (1975)
// and the partitions are branch-free; a second pass that gathers the
// elements equal to the pivot runs only when a partition made no progress,
// which only ties cause, so that continuous data costs one pass a step and
// a range of equal values ends the search at once.
func selectK(a []float64, k int) {
	for len(a) > 1 {
		n := len(a)
		if n > 600 {
			// Place a good pivot at a[k] by selecting in a window around
			// the expected position, as Floyd-Rivest does.
			nf := float64(n)
			i := float64(k + 1)
			z := math.Log(nf)
			s := 0.5 * math.Exp(2*z/3)
			sd := 0.5 * math.Sqrt(z*s*(nf-s)/nf)
			if i < nf/2 {
				sd = -sd
			}
			nl := max(0, int(float64(k)-i*s/nf+sd))
			nr := min(n-1, int(float64(k)+(nf-i)*s/nf+sd))
			selectK(a[nl:nr+1], k-nl)
		} else {
			// Median of three at a[k].
			m := n / 2
			if a[0] > a[m] {
				a[0], a[m] = a[m], a[0]
			}
			if a[m] > a[n-1] {
				a[m], a[n-1] = a[n-1], a[m]
			}
			if a[0] > a[m] {
				a[0], a[m] = a[m], a[0]
			}
			a[k], a[m] = a[m], a[k]
		}
		t := a[k]
		j := partitionLess(a, t)
		if k < j {
			a = a[:j]
			continue
		}
		if j > 0 {
			// a[j:] holds the elements >= t: go on there without a pass
			// for the ties, which only a range of equal elements needs.
			a = a[j:]
			k -= j
			continue
		}
		j2 := partitionLE(a, t) // t is the smallest: gather its ties
		if k < j2 {
			return // a[:j2] all equal t
		}
		a = a[j2:]
		k -= j2
	}
}

// multiSelect places every rank of ks (sorted, distinct, each in
// [0, len(a))) as selectK does, working on ever smaller ranges.
func multiSelect(a []float64, ks []int) {
	if len(ks) == 0 || len(a) == 0 {
		return
	}
	m := len(ks) / 2
	k := ks[m]
	selectK(a, k)
	multiSelect(a[:k], ks[:m])
	rest := ks[m+1:]
	if len(rest) == 0 {
		return
	}
	shifted := make([]int, len(rest))
	for i, r := range rest {
		shifted[i] = r - k - 1
	}
	multiSelect(a[k+1:], shifted)
}

// minOf returns the smallest element of a non-empty slice without NaN
// (plain comparisons, faster than slices.Min's NaN handling).
func minOf(a []float64) float64 {
	m := a[0]
	for _, v := range a[1:] {
		if v < m {
			m = v
		}
	}
	return m
}

// parallelMin is the length below which selection stays on one goroutine.
const parallelMin = 1 << 17

// selectParts is the number of goroutines of a parallel partition. It is
// a constant, not GOMAXPROCS, because the arrangement it leaves depends on
// it; on fewer cores the parts simply take turns.
const selectParts = 4

// selectKPar is selectK with its large partitions split across workers
// goroutines. The arrangement of the elements on each side of k depends
// on workers, so Result always uses selectParts, never GOMAXPROCS, and the
// order of the losses stays the same on every machine.
func selectKPar(a []float64, k, workers int) {
	for workers > 1 && len(a) > parallelMin {
		n := len(a)
		nf := float64(n)
		i := float64(k + 1)
		z := math.Log(nf)
		s := 0.5 * math.Exp(2*z/3)
		sd := 0.5 * math.Sqrt(z*s*(nf-s)/nf)
		if i < nf/2 {
			sd = -sd
		}
		nl := max(0, int(float64(k)-i*s/nf+sd))
		nr := min(n-1, int(float64(k)+(nf-i)*s/nf+sd))
		selectK(a[nl:nr+1], k-nl)
		t := a[k]
		j := parallelPartition(a, t, false, workers)
		if k < j {
			a = a[:j]
			continue
		}
		j2 := j + parallelPartition(a[j:], t, true, workers)
		if k < j2 {
			return
		}
		a = a[j2:]
		k -= j2
	}
	selectK(a, k)
}

// parallelPartition moves the elements < t (<= t when le) to the front of
// a using workers goroutines, and returns how many there are. Each
// goroutine partitions its own slice; misplaced blocks are then swapped.
func parallelPartition(a []float64, t float64, le bool, workers int) int {
	n := len(a)
	bounds := make([]int, workers+1)
	for p := range bounds {
		bounds[p] = p * n / workers
	}
	counts := make([]int, workers)
	var wg sync.WaitGroup
	for p := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			seg := a[bounds[p]:bounds[p+1]]
			if le {
				counts[p] = partitionLE(seg, t)
			} else {
				counts[p] = partitionLess(seg, t)
			}
		}()
	}
	wg.Wait()
	j := 0
	for _, c := range counts {
		j += c
	}
	// Large elements left of j and small ones right of it, as intervals.
	type span struct{ lo, hi int }
	var big, small []span
	for p := range workers {
		mid := bounds[p] + counts[p]
		if lo, hi := mid, min(bounds[p+1], j); lo < hi {
			big = append(big, span{lo, hi})
		}
		if lo, hi := max(bounds[p], j), mid; lo < hi {
			small = append(small, span{lo, hi})
		}
	}
	// The two sets have the same size; swap them pairwise.
	bi, si := 0, 0
	for bi < len(big) && si < len(small) {
		b, s := &big[bi], &small[si]
		m := min(b.hi-b.lo, s.hi-s.lo)
		x, y := a[b.lo:b.lo+m], a[s.lo:s.lo+m]
		for q := range x {
			x[q], y[q] = y[q], x[q]
		}
		b.lo += m
		s.lo += m
		if b.lo == b.hi {
			bi++
		}
		if s.lo == s.hi {
			si++
		}
	}
	return j
}

// multiSelectPar is multiSelect with parallel partitions on large ranges.
func multiSelectPar(a []float64, ks []int, workers int) {
	if len(ks) == 0 || len(a) == 0 {
		return
	}
	if workers <= 1 || len(a) <= parallelMin {
		multiSelect(a, ks)
		return
	}
	m := len(ks) / 2
	k := ks[m]
	selectKPar(a, k, workers)
	multiSelectPar(a[:k], ks[:m], workers)
	rest := ks[m+1:]
	if len(rest) == 0 {
		return
	}
	shifted := make([]int, len(rest))
	for i, r := range rest {
		shifted[i] = r - k - 1
	}
	multiSelectPar(a[k+1:], shifted, workers)
}
