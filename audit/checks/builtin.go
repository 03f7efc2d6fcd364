package checks

// Builtin returns a new registry of the built-in checks of this package,
// with their default options, in this order: aws-iam-mfa,
// aws-iam-unused-credentials, trivy-fixable, training-current,
// access-reviews-on-time, restore-tests-passed, suppliers-assessed and
// incidents-closed-in-target. Package audit/checks/sbom adds the SBOM
// checks with Registry.With; a product adds its own the same way, or
// builds its registry with NewRegistry and the options it needs
// (IAMUnusedCredentials{MaxUnusedDays: 90}).
func Builtin() *Registry {
	r, err := NewRegistry(
		IAMMFA{},
		IAMUnusedCredentials{},
		TrivyFixable{},
		TrainingCurrent{},
		AccessReviewsOnTime{},
		RestoreTestsPassed{},
		SuppliersAssessed{},
		IncidentsClosedInTarget{},
	)
	if err != nil {
		panic("checks: the built-in checks are invalid: " + err.Error()) // a bug of this package
	}
	return r
}
