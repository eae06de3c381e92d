package org.deceptron.bench;

/**
 * The amortisation break-even of D-IPG against a peer: the number of solves N after which training the Deceptron
 * (T seconds) and solving with it (d ms per solve) cost less than setting up the peer (S seconds: the
 * linear-inverse setup, 0 for the others) and solving with it (p ms per solve): T + N d &lt; S + N p, so
 * N = ceil(1000 (T - S) / (p - d)), or 0 when T &lt;= S and D-IPG is not slower per solve.
 */
public final class BreakEven {

    /** Utility class. */
    private BreakEven() {
    }

    /**
     * Returns the break-even number of solves.
     * @param trainingSeconds T, the training time of the D-IPG model (NaN when unknown)
     * @param peerSetupSeconds S, the peer's one-off setup time (0 when it has none)
     * @param peerMillis p, the peer's median ms per solve
     * @param dipgMillis d, D-IPG's median ms per solve
     * @return N; {@code Double.POSITIVE_INFINITY} ("never") when D-IPG is slower per solve (p &lt; d), or as fast
     *         and its training costs more than the setup; NaN when a time is unknown
     */
    public static double solves(final double trainingSeconds, final double peerSetupSeconds, final double peerMillis,
                                final double dipgMillis) {
        if (Double.isNaN(trainingSeconds) || Double.isNaN(peerSetupSeconds) || Double.isNaN(peerMillis)
                || Double.isNaN(dipgMillis)) {
            return Double.NaN;
        }
        final double extraMillis = 1000 * (trainingSeconds - peerSetupSeconds);
        final double saved = peerMillis - dipgMillis;
        if (extraMillis <= 0 && saved >= 0) {
            return 0;
        }
        if (saved <= 0) {
            // not cheaper per solve: at best D-IPG leads while a head start (T < S) lasts, nothing to amortise
            return Double.POSITIVE_INFINITY;
        }
        return Math.ceil(extraMillis / saved);
    }
}
