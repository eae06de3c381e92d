package org.deceptron.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One method on one (family, scenario), aggregated over the instances. Counts of solves that threw are unknown:
 * they are left out of the medians (which are NaN when every solve threw) and counted in {@link #failures()}.
 * @param family family id
 * @param scenario the scenario
 * @param method {@link BenchMethod#DIPG} or {@link BenchMethod#LM}
 * @param instances number of instances
 * @param successRate fraction of successful instances (a solve that threw is a failure)
 * @param medianJacobianEvaluations median Jacobian evaluations
 * @param medianValueEvaluations median forward solves
 * @param medianMillis median wall time per solve (every solve, thrown or not)
 * @param medianLearnedSteps median accepted learned steps (0 for LM)
 * @param failures number of solves that threw
 * @param firstFailure the first failure's message, or null
 * @param statuses the distinct Deceptron lookup statuses D-IPG reported (empty for LM)
 * @param outcomes the per-instance outcomes, in instance order
 */
public record StressSummary(String family, StressScenario scenario, BenchMethod method, int instances,
                            double successRate, double medianJacobianEvaluations, double medianValueEvaluations,
                            double medianMillis, double medianLearnedSteps, int failures, String firstFailure,
                            List<String> statuses, List<StressOutcome> outcomes) {

    /**
     * Aggregates per-instance outcomes.
     * @param family family id
     * @param scenario the scenario
     * @param method the method
     * @param outcomes the outcomes, one per instance
     * @return the summary
     */
    public static StressSummary of(final String family, final StressScenario scenario, final BenchMethod method,
                                   final List<StressOutcome> outcomes) {
        final int k = outcomes.size();
        final List<Double> je = new ArrayList<>();
        final List<Double> ve = new ArrayList<>();
        final List<Double> ls = new ArrayList<>();
        final double[] ms = new double[k];
        final Set<String> statuses = new LinkedHashSet<>();
        int ok = 0;
        int failures = 0;
        String first = null;
        for (int i = 0; i < k; i++) {
            final StressOutcome o = outcomes.get(i);
            ok += o.success() ? 1 : 0;
            ms[i] = o.millis();
            if (o.threw()) {
                failures++;
                if (first == null) {
                    first = o.failure();
                }
                continue;
            }
            je.add((double) o.jacobianEvaluations());
            ve.add((double) o.valueEvaluations());
            ls.add((double) o.learnedSteps());
            if (o.deceptronStatus() != null && !o.deceptronStatus().isEmpty()) {
                statuses.add(o.deceptronStatus());
            }
        }
        return new StressSummary(family, scenario, method, k, k == 0 ? Double.NaN : (double) ok / k,
                Stats.median(toArray(je)), Stats.median(toArray(ve)), Stats.median(ms), Stats.median(toArray(ls)),
                failures, first, List.copyOf(statuses), List.copyOf(outcomes));
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
