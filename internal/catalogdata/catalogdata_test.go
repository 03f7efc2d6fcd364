package catalogdata

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadBuiltIn(t *testing.T) {
	c22, err := Load2022(Data2022)
	require.NoError(t, err)
	assert.Len(t, c22, 93)
	e13, err := Load2013(Data2013)
	require.NoError(t, err)
	assert.Len(t, e13.Clauses, 14)
	assert.Len(t, e13.Objectives, 35)
	assert.Len(t, e13.Controls, 114)
	require.NoError(t, CheckCorrespondence(c22, e13))
	_, err = Generate(Data2022, Data2013)
	require.NoError(t, err)
}

const good2022 = `control: 5.1
title: T
new: no
type: Preventive
properties: Confidentiality
concepts: Identify
capabilities: Governance
domains: Protection
from2013: A.5.1.1
summary: S.
`

func TestLoad2022Errors(t *testing.T) {
	tests := map[string]string{
		"missing key":      strings.Replace(good2022, "new: no\n", "", 1),
		"unexpected key":   good2022 + "extra: x\n",
		"bad id":           strings.Replace(good2022, "control: 5.1", "control: 9.1", 1),
		"out of order":     strings.Replace(good2022, "control: 5.1", "control: 5.2", 1),
		"bad new":          strings.Replace(good2022, "new: no", "new: maybe", 1),
		"unknown value":    strings.Replace(good2022, "type: Preventive", "type: Proactive", 1),
		"empty attribute":  strings.Replace(good2022, "domains: Protection", "domains:", 1),
		"new with sources": strings.Replace(good2022, "new: no", "new: yes", 1),
		"empty title":      strings.Replace(good2022, "title: T", "title:", 1),
		"syntax":           "not a stanza",
	}
	for name, in := range tests {
		_, err := Load2022([]byte(in))
		assert.Error(t, err, name)
	}
	_, err := Load2022([]byte(good2022))
	require.NoError(t, err)
}

func TestLoad2013Errors(t *testing.T) {
	good := "clause: A.5\ntitle: C\n\nobjective: A.5.1\ntitle: O\nsummary: S.\n\ncontrol: A.5.1.1\ntitle: T\nsummary: S.\n"
	_, err := Load2013([]byte(good))
	require.NoError(t, err)
	for name, in := range map[string]string{
		"clause order":    strings.Replace(good, "clause: A.5", "clause: A.6", 1),
		"objective order": strings.Replace(good, "objective: A.5.1", "objective: A.5.2", 1),
		"control order":   strings.Replace(good, "control: A.5.1.1", "control: A.5.1.2", 1),
		"unknown kind":    good + "\nthing: x\n",
		"missing summary": strings.Replace(good, "title: T\nsummary: S.\n", "title: T\n", 1),
		"syntax":          "x",
	} {
		_, err := Load2013([]byte(in))
		assert.Error(t, err, name)
	}
}

func TestCheckCorrespondence(t *testing.T) {
	c22, err := Load2022([]byte(good2022))
	require.NoError(t, err)
	e13 := Edition2013{Controls: []Control2013{{ID: "A.5.1.1"}, {ID: "A.5.1.2"}}}
	assert.ErrorContains(t, CheckCorrespondence(c22, e13), "A.5.1.2 corresponds to no 2022 control")
	c22[0].From2013 = []string{"A.5.1.9"}
	assert.ErrorContains(t, CheckCorrespondence(c22, e13), "no 2013 control")
	c22[0].From2013 = []string{"A.5.1.2", "A.5.1.1"}
	assert.ErrorContains(t, CheckCorrespondence(c22, e13), "natural order")
	assert.Equal(t, "ThreatAndVulnerabilityManagement", attrGoName("Threat_and_vulnerability_management"))
	assert.Equal(t, "GovernanceAndEcosystem", attrGoName("Governance_and_Ecosystem"))
}
