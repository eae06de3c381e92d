package org.deceptron.trainer;

import java.util.Map;
import java.util.Optional;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The product of one stage run: what it did and the parameters of the checkpoint it selected.
 * @param summary what the stage did
 * @param parameters the selected parameters (SameDiff names and layout)
 * @param metrics validation metrics of a reverse map's checkpoint; empty for S1
 */
public record StageResult(StageSummary summary, Map<String, INDArray> parameters, Optional<ReverseMetrics> metrics) {

    /**
     * Returns the reverse metrics of an S2 or S3 checkpoint.
     * @return the metrics
     * @throws java.util.NoSuchElementException for S1
     */
    public ReverseMetrics reverseMetrics() {
        return metrics.orElseThrow();
    }
}
