package org.deceptron.bench;

/**
 * One row of the stress table: a (family, scenario) with D-IPG and LM side by side, on the same problems.
 * @param family family id
 * @param scenario the scenario
 * @param dipg D-IPG's summary
 * @param lm LM's summary
 */
public record StressRow(String family, StressScenario scenario, StressSummary dipg, StressSummary lm) {

    /**
     * Tells whether the target holds on this row: D-IPG's success rate is at least LM's and its median Jacobian
     * evaluations at most LM's. When LM's median is unknown (every LM solve threw) the Jacobian half holds; when
     * only D-IPG's is unknown (every D-IPG solve threw) it does not.
     * @return true when the target holds
     */
    public boolean targetMet() {
        final boolean success = dipg.successRate() >= lm.successRate();
        final double dj = dipg.medianJacobianEvaluations();
        final double lj = lm.medianJacobianEvaluations();
        final boolean jacobians = Double.isNaN(lj) || (!Double.isNaN(dj) && dj <= lj);
        return success && jacobians;
    }
}
