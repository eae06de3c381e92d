package org.deceptron.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything measured on one family.
 * @param familyId the family id
 * @param n unknowns
 * @param m observations
 * @param tolerance the family's RMS tolerance
 * @param trainingSeconds training wall time of the +JCP model (NaN when unknown)
 * @param results per method, one result per instance (same instance order for every method)
 * @param summaries one row per method
 * @param typicalInstance index of the instance used for the plot
 * @param traces per traced method ({@link BenchRunner#TRACED}), the traced re-run of the typical instance
 * @param skipped the requested methods that did not run on the family, with the reason
 * @param linearInverseSetup the cost of the family's linear inverse, when linear-inverse ran
 */
public record FamilyResults(String familyId, int n, int m, double tolerance, double trainingSeconds,
                            Map<BenchMethod, List<InstanceResult>> results, List<MethodSummary> summaries,
                            int typicalInstance, Map<BenchMethod, InstanceResult> traces,
                            Map<BenchMethod, String> skipped, Optional<LinearInverseSetup> linearInverseSetup) {
}
