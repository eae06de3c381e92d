package org.deceptron.bench;

import java.util.List;
import java.util.Optional;

/**
 * The best peer of a family, the method D-IPG is judged against (DESIGN.md, section 7): among the non-learned
 * peers that ran ({@link BenchMethod#isPeer()}: lm, gn, gn-krylov, linear-inverse), those whose success rate is
 * at least D-IPG's, the fastest by median wall time per solve (the first in method order on a tie). A faster
 * peer that fails more often than D-IPG does not count: a fast failure is no alternative. Without a D-IPG row
 * the bar is the best success rate among the peers. No peer qualifies when D-IPG succeeds more often than every
 * peer.
 */
public final class BestPeer {

    /** Utility class. */
    private BestPeer() {
    }

    /**
     * Selects the best peer among a family's summaries.
     * @param summaries the family's rows
     * @return the best peer's row, or empty when no peer qualifies
     */
    public static Optional<MethodSummary> select(final List<MethodSummary> summaries) {
        final double bar = summaries.stream().filter(s -> s.method().equals(BenchMethod.DIPG.label())).findFirst()
                .map(MethodSummary::successRate)
                .orElseGet(() -> summaries.stream().filter(BestPeer::isPeer)
                        .mapToDouble(MethodSummary::successRate).max().orElse(Double.NaN));
        MethodSummary best = null;
        for (final MethodSummary s : summaries) {
            if (isPeer(s) && s.successRate() >= bar && !Double.isNaN(s.medianMillis())
                    && (best == null || s.medianMillis() < best.medianMillis())) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Tells whether a row is a peer's.
     * @param s the row
     * @return true for a non-learned peer
     */
    private static boolean isPeer(final MethodSummary s) {
        return BenchMethod.byLabel(s.method()).map(BenchMethod::isPeer).orElse(false);
    }
}
