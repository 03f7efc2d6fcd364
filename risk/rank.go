package risk

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/ismskit/ismskit/internal/natural"
)

// Compare orders two assessments for prioritisation (ISO/IEC 27001:2022
// clause 6.1.2 e 2) by their rating at stage s: the higher level first,
// then the higher score, then the risk ID in natural order ("R-2" before
// "R-10") as a stable key. It returns a negative number when x comes
// first.
func Compare(x, y Assessment, s Stage) int {
	rx, ry := x.Rating(s), y.Rating(s)
	if c := cmp.Compare(ry.Rank, rx.Rank); c != 0 {
		return c
	}
	if c := cmp.Compare(ry.Score, rx.Score); c != 0 {
		return c
	}
	return natural.Compare(x.RiskID, y.RiskID)
}

// SortAssessments sorts as in priority order at stage s (see Compare),
// in place.
func SortAssessments(as []Assessment, s Stage) {
	order := priorityOrder(as, s)
	sorted := make([]Assessment, len(as))
	for i, k := range order {
		sorted[i] = as[k.idx]
	}
	copy(as, sorted)
}

// sortKey is what Compare looks at, small enough to sort quickly.
type sortKey struct {
	rank, score int32
	idx         int32
	id          string
}

// priorityOrder returns the keys of as in the order of Compare.
func priorityOrder(as []Assessment, s Stage) []sortKey {
	keys := make([]sortKey, len(as))
	for i := range as {
		r := as[i].Rating(s)
		keys[i] = sortKey{rank: int32(r.Rank), score: int32(r.Score), idx: int32(i), id: as[i].RiskID}
	}
	slices.SortFunc(keys, func(x, y sortKey) int {
		if c := cmp.Compare(y.rank, x.rank); c != 0 {
			return c
		}
		if c := cmp.Compare(y.score, x.score); c != 0 {
			return c
		}
		if c := natural.Compare(x.id, y.id); c != 0 {
			return c
		}
		return cmp.Compare(x.idx, y.idx)
	})
	return keys
}

// Ranked is an assessment with its position in a ranking. Position
// starts at 1; risks with the same level and score share a position,
// and the next position skips accordingly (1, 2, 2, 4). The zero value
// is unranked.
type Ranked struct {
	// Position in the ranking, from 1.
	Position int `json:"position"`
	Assessment
}

// String returns the position and the assessment, as "1. R-1: inherent
// high (L4 I4), ...".
func (r Ranked) String() string { return strconv.Itoa(r.Position) + ". " + r.Assessment.String() }

// Rank returns the assessments in priority order at stage s with their
// positions. as is not modified.
func Rank(as []Assessment, s Stage) []Ranked {
	order := priorityOrder(as, s)
	out := make([]Ranked, len(order))
	for i, k := range order {
		pos := i + 1
		if i > 0 && order[i-1].rank == k.rank && order[i-1].score == k.score {
			pos = out[i-1].Position
		}
		out[i] = Ranked{Position: pos, Assessment: as[k.idx]}
	}
	return out
}
