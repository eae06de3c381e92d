package org.deceptron.bench;

/**
 * One size of the scaling study: LM and D-IPG on one grid of a family.
 * @param familyId the family id at this size
 * @param nodes nodes per side
 * @param n unknowns
 * @param lm LM's summary
 * @param dipg D-IPG's summary (its speed-up is the median over instances of LM time / D-IPG time)
 * @param trainingSeconds training wall time of the D-IPG model (NaN when unknown)
 */
public record ScalingPoint(String familyId, int nodes, int n, MethodSummary lm, MethodSummary dipg,
                           double trainingSeconds) {

    /**
     * Extracts the point from a benchmark run of one family with methods dipg and lm.
     * @param nodes nodes per side
     * @param results the family's results
     * @return the point
     * @throws IllegalArgumentException when the run has no dipg or no lm row
     */
    public static ScalingPoint of(final int nodes, final FamilyResults results) {
        final MethodSummary lm = ResultsWriter.find(results, BenchMethod.LM);
        final MethodSummary dipg = ResultsWriter.find(results, BenchMethod.DIPG);
        if (lm == null || dipg == null) {
            throw new IllegalArgumentException(results.familyId() + ": the run needs both dipg and lm");
        }
        return new ScalingPoint(results.familyId(), nodes, results.n(), lm, dipg, results.trainingSeconds());
    }
}
