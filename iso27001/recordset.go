package iso27001

// recordSet is a set of record kinds (bits), the evidence an item accepts
// from the structured records. The order matches clausedata.RecordKinds; a
// test checks it.
type recordSet uint32

const (
	recIssues recordSet = 1 << iota
	recClimate
	recParties
	recPartiesRequirements
	recPartiesAddressed
	recScope
	recScopeInterfaces
	recRoles
	recRolesConformance
	recRolesReporting
	recObjectives
	recObjectivesMeasurable
	recObjectivesMonitored
	recObjectivesPlan
	recObjectivesResources
	recObjectivesOwner
	recObjectivesDue
	recObjectivesEvaluation
	recCompetence
	recCompetenceActions
	recDocuments
	recDocumentsApproved
	recDocumentsVersion
	recDocumentsRetention
	recReviews
	recReviewsOutputs
	recCount = iota
)

var recordKeys = [recCount]string{
	"issues", "climate", "parties", "parties.requirements", "parties.addressed",
	"scope", "scope.interfaces", "roles", "roles.conformance", "roles.reporting",
	"objectives", "objectives.measurable", "objectives.monitored", "objectives.plan",
	"objectives.resources", "objectives.owner", "objectives.due", "objectives.evaluation",
	"competence", "competence.actions", "documents", "documents.approved",
	"documents.version", "documents.retention", "reviews", "reviews.outputs",
}

func (s recordSet) keys() []string {
	var out []string
	for i := 0; i < recCount; i++ {
		if s&(1<<i) != 0 {
			out = append(out, recordKeys[i])
		}
	}
	return out
}

// recordKind returns the bit of the record kind key ("objectives.owner"),
// or 0 for an unknown key.
func recordKind(key string) recordSet {
	for i, k := range recordKeys {
		if k == key {
			return 1 << i
		}
	}
	return 0
}
