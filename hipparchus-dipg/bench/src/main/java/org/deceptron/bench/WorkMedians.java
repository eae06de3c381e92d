package org.deceptron.bench;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The work of a method per solve: medians over its instances of the counts of {@link SolveCounts} (every solve,
 * failed ones included: the work was spent).
 * @param forwardSolves median forward solves (linearizations included)
 * @param tangentSolves median tangent solves
 * @param adjointSolves median adjoint solves
 * @param gEvaluations median g evaluations
 * @param pdeSolveEquivalents median of the per-solve sums forward + tangent + adjoint
 */
public record WorkMedians(double forwardSolves, double tangentSolves, double adjointSolves, double gEvaluations,
                          double pdeSolveEquivalents) {

    /**
     * Takes the medians of a method's results.
     * @param results one result per instance
     * @return the medians (NaN for no results)
     */
    public static WorkMedians of(final List<InstanceResult> results) {
        return new WorkMedians(median(results, SolveCounts::forwardSolves), median(results, SolveCounts::tangentSolves),
                median(results, SolveCounts::adjointSolves), median(results, SolveCounts::gEvaluations),
                median(results, SolveCounts::pdeSolveEquivalents));
    }

    /**
     * Returns the median of one count.
     * @param results the results
     * @param count the count
     * @return its median
     */
    private static double median(final List<InstanceResult> results, final ToIntFunction<SolveCounts> count) {
        return Stats.median(results.stream().mapToDouble(r -> count.applyAsInt(r.counts())).toArray());
    }
}
