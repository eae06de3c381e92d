package org.deceptron.trainer;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The product of a training run: f, the two reverse maps (+JCP and -JCP, both from the same S2 checkpoint and
 * the same f), the normalisation, and what each stage did.
 * @param options the options used
 * @param n unknowns
 * @param m observations
 * @param fLayers f's layers
 * @param gLayers g's layers
 * @param f f's parameters (SameDiff layout)
 * @param gS2 the S2 checkpoint
 * @param gPlus the +JCP reverse map (null when not trained)
 * @param gMinus the -JCP reverse map (null when not trained)
 * @param xMean mean of x
 * @param xStd std of x
 * @param yMean mean of y
 * @param yStd std of y
 * @param stages stage summaries in order
 * @param plusMetrics validation metrics of the +JCP reverse map (rec, cyc, rjcp, rjcpExact)
 * @param minusMetrics validation metrics of the -JCP reverse map
 * @param dataSeconds seconds spent generating data
 * @param totalSeconds wall time of the whole run
 */
public record TrainingResult(TrainingOptions options, int n, int m, List<LayerSpec> fLayers, List<LayerSpec> gLayers,
                             Map<String, INDArray> f, Map<String, INDArray> gS2, Map<String, INDArray> gPlus,
                             Map<String, INDArray> gMinus, double[] xMean, double[] xStd, double[] yMean,
                             double[] yStd, List<StageSummary> stages, Map<String, Double> plusMetrics,
                             Map<String, Double> minusMetrics, double dataSeconds, double totalSeconds) {

    /**
     * Finds a stage summary.
     * @param name stage name
     * @return the summary or null
     */
    public StageSummary stage(final String name) {
        for (final StageSummary s : stages) {
            if (s.stage().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
