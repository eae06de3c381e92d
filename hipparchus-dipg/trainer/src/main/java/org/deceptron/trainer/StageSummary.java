package org.deceptron.trainer;

import java.util.Map;

/**
 * What a stage did.
 * @param stage stage name
 * @param epochs epochs run
 * @param bestEpoch selected checkpoint (0 = the stage's starting point)
 * @param seconds wall time of the stage
 * @param secondsPerEpoch median wall time of an epoch (training + validation), excluding the first one
 * @param firstEpochSeconds wall time of the first epoch (includes graph warm-up)
 * @param trainLoss mean training loss of the last epoch
 * @param selected validation metrics of the selected checkpoint
 */
public record StageSummary(String stage, int epochs, int bestEpoch, double seconds, double secondsPerEpoch,
                           double firstEpochSeconds, double trainLoss, Map<String, Double> selected) {
}
