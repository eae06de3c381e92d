package org.deceptron.trainer;

/**
 * How a reverse stage ranks its checkpoints on validation (lower is better).
 * <ul>
 *   <li>S2: the S2 objective {@code rec + w_cyc cyc};</li>
 *   <li>S3, the same for both branches: the +JCP objective {@code rec + w_cyc cyc + w_jcp RJCP} (the paper selects
 *   -JCP by the same RJCP-based score as +JCP; the exact RJCP when JCP targets the exact Jacobian), subject to an
 *   optional guard: checkpoints whose reconstruction exceeds {@code recGuard} times S2's are ranked after all
 *   others.</li>
 * </ul>
 */
final class CheckpointScore {

    /** Penalty that ranks guarded checkpoints after all others. */
    private static final double GUARD_PENALTY = 1e6;

    /** Cycle weight. */
    private final double cycleWeight;
    /** JCP weight (S3 only). */
    private final double jcpWeight;
    /** Which RJCP the S3 score uses. */
    private final JcpTarget rjcp;
    /** Reconstruction guard factor. */
    private final double recGuard;
    /** S2's validation reconstruction; NaN for the S2 score. */
    private final double recS2;

    /**
     * Creates a score.
     * @param options the options
     * @param recS2 S2's validation reconstruction, NaN for S2 itself
     */
    private CheckpointScore(final TrainingOptions options, final double recS2) {
        this.cycleWeight = options.loss().cycleWeight();
        this.jcpWeight = options.loss().jcpWeight();
        this.rjcp = options.jcp().target();
        this.recGuard = options.loss().recGuard();
        this.recS2 = recS2;
    }

    /**
     * Returns the S2 score.
     * @param options the options
     * @return the score
     */
    static CheckpointScore s2(final TrainingOptions options) {
        return new CheckpointScore(options, Double.NaN);
    }

    /**
     * Returns the S3 score of both branches.
     * @param options the options
     * @param recS2 validation reconstruction of the S2 checkpoint (the guard's reference)
     * @return the score
     */
    static CheckpointScore s3(final TrainingOptions options, final double recS2) {
        return new CheckpointScore(options, recS2);
    }

    /**
     * Scores validation metrics.
     * @param m the metrics
     * @return the score, lower is better
     */
    double score(final ReverseMetrics m) {
        final double base = m.reverseObjective(cycleWeight);
        if (Double.isNaN(recS2)) {
            return base;
        }
        // with the exact target, JCP trains the composition with the true J_F: select on that one
        final double s = base + jcpWeight * m.rjcp(rjcp);
        return m.rec() <= recGuard * recS2 ? s : GUARD_PENALTY + s;
    }
}
