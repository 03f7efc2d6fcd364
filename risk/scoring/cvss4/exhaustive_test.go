package cvss4

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/ismskit/ismskit/internal/race"
)

// firstDigest is the SHA-256 of the scores, in tenths, one byte each,
// that FIRST's calculator gives every one of the 15,116,544 distinct
// combinations of the metrics that count (see exhaustiveScores for the
// order): the functions of cvss_score.js with the data of
// cvss_lookup.js, max_composed.js and max_severity.js of
// FIRSTdotorg/cvss-v4-calculator at commit c5b0d40, run on node over the
// same enumeration.
const firstDigest = "d558a1b950a13e04db8cb29c89cda98a594649825f02d39c64b2fbc04293e0b6"

// exhaustiveScores scores every distinct combination of the metrics the
// score depends on, in this order, the last varying fastest: AV (N A L
// P), AC (L H), AT (N P), PR (N L H), UI (N P A), VC, VI, VA, SC (H L
// N), SI and SA (H L N, then S given as MSI:S or MSA:S over a base H),
// E (A P U), CR, IR, AR (H M L). Other metrics only replace these
// (modified base metrics) or never count (supplemental metrics).
func exhaustiveScores() []byte {
	out := make([]byte, 0, 15_116_544)
	v := Vector{valid: true}
	for av := range 4 {
		for ac := range 2 {
			for at := range 2 {
				for pr := range 3 {
					for ui := range 3 {
						for vcia := range 27 {
							for sc := range 3 {
								for si := range 4 {
									for sa := range 4 {
										for e := range 3 {
											for req := range 27 {
												v.values = [numMetrics]uint8{
													AttackVector: uint8(av), AttackComplexity: uint8(ac), AttackRequirements: uint8(at),
													PrivilegesRequired: uint8(pr), UserInteraction: uint8(ui),
													VulnerableConfidentiality: uint8(vcia / 9), VulnerableIntegrity: uint8(vcia / 3 % 3), VulnerableAvailability: uint8(vcia % 3),
													SubsequentConfidentiality:  uint8(sc),
													ExploitMaturity:            uint8(e + 1),
													ConfidentialityRequirement: uint8(req/9 + 1), IntegrityRequirement: uint8(req/3%3 + 1), AvailabilityRequirement: uint8(req%3 + 1),
												}
												if si == 3 {
													v.values[ModifiedSubsequentIntegrity] = 4 // S
												} else {
													v.values[SubsequentIntegrity] = uint8(si)
												}
												if sa == 3 {
													v.values[ModifiedSubsequentAvailability] = 4 // S
												} else {
													v.values[SubsequentAvailability] = uint8(sa)
												}
												out = append(out, byte(v.scoreTenths()))
											}
										}
									}
								}
							}
						}
					}
				}
			}
		}
	}
	return out
}

// TestExhaustive checks that every distinct scoring input scores as
// FIRST's calculator scores it, through a digest of all the scores.
func TestExhaustive(t *testing.T) {
	if testing.Short() || race.Enabled {
		// 15 million vectors take 2 s, and many times that under the
		// race detector, which would find nothing in this sequential
		// code: .ci/run runs the test in a step without it.
		t.Skip("15 million vectors: skipped with -short and -race")
	}
	scores := exhaustiveScores()
	if len(scores) != 15_116_544 {
		t.Fatalf("%d combinations", len(scores))
	}
	sum := sha256.Sum256(scores)
	if got := hex.EncodeToString(sum[:]); got != firstDigest {
		t.Fatalf("digest %s, FIRST's calculator %s", got, firstDigest)
	}
}
