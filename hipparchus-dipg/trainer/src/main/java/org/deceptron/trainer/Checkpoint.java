package org.deceptron.trainer;

import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A candidate checkpoint of a stage: the parameters after an epoch with their validation metrics and score.
 * @param epoch the epoch (0 = the stage's starting point)
 * @param score validation score, lower is better
 * @param parameters the parameters (copies)
 * @param metrics the validation metrics
 * @param <M> type of the metrics (the MSE in S1, {@link ReverseMetrics} after)
 */
record Checkpoint<M>(int epoch, double score, Map<String, INDArray> parameters, M metrics) {

    /**
     * Tells whether this checkpoint replaces the best one so far: a strictly lower score, so that ties keep the
     * earlier epoch.
     * @param best the best so far
     * @return true when better
     */
    boolean betterThan(final Checkpoint<M> best) {
        return score < best.score;
    }
}
