package org.deceptron.bench;

/**
 * The outcome of one method on one instance of a stress scenario.
 * @param success whether the scenario's success criterion was met (the family protocol's, or for the noise
 *        scenarios the problem's tolerance)
 * @param valueEvaluations forward solves, -1 when the solve threw
 * @param jacobianEvaluations Jacobian evaluations, -1 when the solve threw
 * @param learnedSteps accepted learned (D-IPG) steps, 0 for LM, -1 when the solve threw
 * @param rms final normalised residual RMS, NaN when the solve threw
 * @param xRmse RMS error of the returned point against the scenario's true unknowns, NaN when the solve threw
 * @param millis wall time of the solve
 * @param failure the exception (class and message) when the solve threw, else null
 * @param deceptronStatus D-IPG's Deceptron lookup status ({@code DipgOptimum.getDeceptronStatus()}), empty for LM
 *        and when the solve threw
 */
public record StressOutcome(boolean success, int valueEvaluations, int jacobianEvaluations, int learnedSteps,
                            double rms, double xRmse, double millis, String failure, String deceptronStatus) {

    /**
     * Tells whether the solve threw.
     * @return true when {@link #failure()} is set
     */
    public boolean threw() {
        return failure != null;
    }
}
