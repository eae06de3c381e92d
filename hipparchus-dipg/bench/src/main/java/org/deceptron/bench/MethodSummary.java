package org.deceptron.bench;

import java.util.List;

/**
 * One row of the results: a method on a family, aggregated over the instances.
 * @param family family id
 * @param method method name
 * @param n number of unknowns
 * @param m number of observations
 * @param instances number of instances
 * @param successRate fraction of successful instances
 * @param medianIterations median iterations
 * @param medianValueEvaluations median forward solves
 * @param medianJacobianEvaluations median Jacobian evaluations
 * @param meanXRmse mean x-RMSE
 * @param medianMillis median wall time per solve
 * @param speedupVsLm median over instances of LM time / this method's time
 */
public record MethodSummary(String family, String method, int n, int m, int instances, double successRate,
                            double medianIterations, double medianValueEvaluations, double medianJacobianEvaluations,
                            double meanXRmse, double medianMillis, double speedupVsLm) {

    /**
     * Aggregates per-instance results.
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
        final java.util.List<Double> it = new java.util.ArrayList<>();
        final java.util.List<Double> ve = new java.util.ArrayList<>();
        final java.util.List<Double> je = new java.util.ArrayList<>();
        final java.util.List<Double> xr = new java.util.ArrayList<>();
        final double[] ms = new double[k];
        final double[] sp = new double[k];
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
            sp[i] = lm.get(i).millis() / Math.max(r.millis(), 1.0e-6);
        }
        return new MethodSummary(family, method, n, m, k, k == 0 ? Double.NaN : (double) ok / k, Stats.median(toArray(it)),
                Stats.median(toArray(ve)), Stats.median(toArray(je)), Stats.mean(toArray(xr)), Stats.median(ms), Stats.median(sp));
    }

    /**
     * Unboxes a list.
     * @param list the list
     * @return the array
     */
    private static double[] toArray(final java.util.List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
