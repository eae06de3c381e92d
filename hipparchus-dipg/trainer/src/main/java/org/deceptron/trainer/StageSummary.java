package org.deceptron.trainer;

import java.util.Map;

/**
 * What a stage run did (S1, S2 or one S3 branch): its schedule, the checkpoint it selected and its timing.
 * @param stage stage label ({@code S1}, {@code S2}, {@code S3+JCP}, {@code S3-JCP})
 * @param epochs epochs run
 * @param bestEpoch selected checkpoint (0 = the stage's starting point)
 * @param bestScore validation score of the selected checkpoint (lower is better: S1 the MSE, S2 the S2 objective,
 * S3 the +JCP objective, possibly guarded)
 * @param seconds wall time of the stage
 * @param secondsPerEpoch median wall time of an epoch (training + validation), excluding the first one
 * @param firstEpochSeconds wall time of the first epoch (includes graph warm-up)
 * @param trainLoss mean training loss of the last epoch
 * @param selected validation metrics of the selected checkpoint by report name ({@code val_mse} in S1, see
 * {@link ReverseMetrics#asMap()} after)
 */
public record StageSummary(String stage, int epochs, int bestEpoch, double bestScore, double seconds,
                           double secondsPerEpoch, double firstEpochSeconds, double trainLoss,
                           Map<String, Double> selected) {

    /**
     * Copies the metrics.
     * @param stage stage label
     * @param epochs epochs run
     * @param bestEpoch selected checkpoint
     * @param bestScore its score
     * @param seconds wall time
     * @param secondsPerEpoch median epoch time
     * @param firstEpochSeconds first epoch time
     * @param trainLoss last training loss
     * @param selected metrics of the checkpoint (copied)
     */
    public StageSummary {
        selected = Map.copyOf(selected);
    }
}
