package org.deceptron.trainer;

/**
 * The objective of the reverse stages: S2 minimises {@code rec + cycleWeight cyc}, S3 adds {@code jcpWeight JCP}
 * in the +JCP branch; the S3 checkpoint of both branches is ranked by the +JCP objective on validation, behind the
 * reconstruction guard.
 * @param cycleWeight weight of the cycle loss {@code ||f(g(y~)) - y~||^2} (finite, &gt;= 0)
 * @param cycleNoise std sigma of the perturbation {@code y~ = y + sigma N(0,1)}, in normalised y units (finite,
 * &gt;= 0)
 * @param jcpWeight weight of JCP in the +JCP branch and in the S3 checkpoint score of both branches (finite,
 * &gt;= 0)
 * @param recOnData true for the reconstruction on data {@code ||g(y) - x||^2}, false for the paper's
 * {@code ||g(f(x)) - x||^2}
 * @param recGuard reconstruction guard of the S3 checkpoint: epochs whose validation reconstruction exceeds this
 * factor times S2's are ranked after all others (&gt; 0, infinite = off; the paper's Allen-Cahn demo used 1.005)
 */
public record ReverseLoss(double cycleWeight, double cycleNoise, double jcpWeight, boolean recOnData,
                          double recGuard) {

    /**
     * Checks the weights.
     * @throws org.hipparchus.exception.MathIllegalArgumentException ({@link TrainerFormats#INVALID_OPTION})
     * naming the first value out of range
     */
    public ReverseLoss {
        OptionChecks.nonNegative("cycleWeight", cycleWeight);
        OptionChecks.nonNegative("cycleNoise", cycleNoise);
        OptionChecks.nonNegative("jcpWeight", jcpWeight);
        OptionChecks.check(recGuard > 0, "recGuard", recGuard, "> 0 (infinite = off)");
    }
}
