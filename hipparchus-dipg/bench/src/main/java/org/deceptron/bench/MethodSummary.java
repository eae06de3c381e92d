package org.deceptron.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the results: a method on a family, aggregated over the instances.
 * @param family family id
 * @param method method name
 * @param n number of unknowns
 * @param m number of observations
 * @param instances number of instances
 * @param successRate fraction of successful instances
 * @param medianIterations median iterations (solves that threw left out)
 * @param medianValueEvaluations median problem evaluations (solves that threw left out)
 * @param medianJacobianEvaluations median Jacobian evaluations (solves that threw left out)
 * @param meanXRmse mean x-RMSE (solves that threw left out)
 * @param medianMillis median wall time per solve
 * @param speedupVsLm median over instances of LM time / this method's time
 * @param work median forward, tangent and adjoint solves, g evaluations and PDE-solve equivalents per solve
 * @param meanMillis mean wall time per solve
 * @param p90Millis 90th percentile of the wall time per solve ({@link Stats#percentile(double[], double)})
 * @param bestPeer the family's best peer ({@link BestPeer}), the same on every row of the family; empty when no
 *        peer qualifies
 * @param speedupVsBestPeer median over instances of the best peer's time / this method's time (so 1 on the best
 *        peer's own row); NaN when there is no best peer
 */
public record MethodSummary(String family, String method, int n, int m, int instances, double successRate,
                            double medianIterations, double medianValueEvaluations, double medianJacobianEvaluations,
                            double meanXRmse, double medianMillis, double speedupVsLm, WorkMedians work,
                            double meanMillis, double p90Millis, String bestPeer, double speedupVsBestPeer) {

    /**
     * Aggregates per-instance results, without a best peer yet ({@link #withBestPeer(String, double)}).
     * @param family family id
     * @param method method name
     * @param n unknowns
     * @param m observations
     * @param results this method's results, one per instance
     * @param lm LM's results on the same instances (same order)
     * @return the summary
     */
    public static MethodSummary of(final String family, final String method, final int n, final int m,
                                   final List<InstanceResult> results, final List<InstanceResult> lm) {
        final int k = results.size();
        final List<Double> it = new ArrayList<>();
        final List<Double> ve = new ArrayList<>();
        final List<Double> je = new ArrayList<>();
        final List<Double> xr = new ArrayList<>();
        final double[] ms = new double[k];
        int ok = 0;
        for (int i = 0; i < k; i++) {
            final InstanceResult r = results.get(i);
            ok += r.success() ? 1 : 0;
            // counts and errors are unknown (negative / NaN) when a method threw: left out of the statistics
            if (r.iterations() >= 0) {
                it.add((double) r.iterations());
            }
            if (r.valueEvaluations() >= 0) {
                ve.add((double) r.valueEvaluations());
            }
            if (r.jacobianEvaluations() >= 0) {
                je.add((double) r.jacobianEvaluations());
            }
            if (Double.isFinite(r.xRmse())) {
                xr.add(r.xRmse());
            }
            ms[i] = r.millis();
        }
        return new MethodSummary(family, method, n, m, k, k == 0 ? Double.NaN : (double) ok / k,
                Stats.median(toArray(it)), Stats.median(toArray(ve)), Stats.median(toArray(je)),
                Stats.mean(toArray(xr)), Stats.median(ms), speedup(lm, results), WorkMedians.of(results),
                Stats.mean(ms), Stats.percentile(ms, 0.9), "", Double.NaN);
    }

    /**
     * Returns the median over instances of the reference's time / the method's time.
     * @param reference the reference's results (LM, the best peer)
     * @param results the method's results on the same instances (same order)
     * @return the median ratio
     * @throws IllegalArgumentException when the lists have different lengths
     */
    public static double speedup(final List<InstanceResult> reference, final List<InstanceResult> results) {
        if (reference.size() != results.size()) {
            throw new IllegalArgumentException("speed-up needs results on the same instances: " + reference.size()
                    + " reference results, " + results.size() + " results");
        }
        final double[] ratio = new double[results.size()];
        for (int i = 0; i < ratio.length; i++) {
            ratio[i] = reference.get(i).millis() / Math.max(results.get(i).millis(), 1.0e-6);
        }
        return Stats.median(ratio);
    }

    /**
     * Returns a copy with the family's best peer.
     * @param peer the best peer's method name
     * @param speedup this method's speed-up against it ({@link #speedup(List, List)})
     * @return the new summary
     */
    public MethodSummary withBestPeer(final String peer, final double speedup) {
        return new MethodSummary(family, method, n, m, instances, successRate, medianIterations,
                medianValueEvaluations, medianJacobianEvaluations, meanXRmse, medianMillis, speedupVsLm, work,
                meanMillis, p90Millis, peer, speedup);
    }

    /**
     * Unboxes a list.
     * @param list the list
     * @return the array
     */
    private static double[] toArray(final List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
