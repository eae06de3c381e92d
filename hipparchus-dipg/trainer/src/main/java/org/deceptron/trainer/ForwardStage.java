package org.deceptron.trainer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hipparchus.random.RandomGenerator;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/** S1: fits the forward surrogate f on MSE(f(x), y); checkpoint = lowest validation MSE. */
final class ForwardStage {

    /** Stage label. */
    static final String LABEL = "S1";

    /** The run. */
    private final TrainingRun run;
    /** f's initial parameters. */
    private final Map<String, INDArray> f0;
    /** Shuffles. */
    private final RandomGenerator random;

    /**
     * Prepares S1.
     * @param run the run
     * @param f0 f's initial parameters
     * @param random source of the shuffles
     */
    ForwardStage(final TrainingRun run, final Map<String, INDArray> f0, final RandomGenerator random) {
        this.run = run;
        this.f0 = f0;
        this.random = random;
    }

    /**
     * Runs S1.
     * @return f's selected parameters and what the stage did
     */
    StageResult run() {
        final int epochs = run.options().schedule(TrainingStage.S1).epochs();
        final EpochClock clock = new EpochClock(epochs);
        run.listener().stageStarted(LABEL, epochs);
        final StageGraphs.Graph graph = StageGraphs.forwardFit(run.fLayers(), run.data().n(), run.data().m(), f0,
                                                               run.options().dtype());
        final AdamOptimizer adam = run.optimizer(graph, TrainingStage.S1);
        Checkpoint<Double> best = checkpoint(graph, 0, validationMse(graph));
        double lastLoss = Double.NaN;
        for (int e = 1; e <= epochs; e++) {
            clock.startEpoch();
            lastLoss = trainEpoch(graph, adam);
            final double val = validationMse(graph);
            if (val < best.score()) {
                best = checkpoint(graph, e, val);
            }
            clock.endEpoch(e);
            final Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("loss", lastLoss);
            metrics.put("val_mse", val);
            metrics.put("best", best.score());
            run.listener().epochFinished(LABEL, e, epochs, metrics);
        }
        final StageSummary summary = new StageSummary(LABEL, epochs, best.epoch(), best.score(), clock.elapsed(),
                                                      clock.medianEpoch(), clock.firstEpoch(), lastLoss,
                                                      Map.of("val_mse", best.score()));
        run.listener().stageFinished(summary);
        return new StageResult(summary, best.parameters(), Optional.empty());
    }

    /**
     * Takes the current parameters as a checkpoint.
     * @param graph the S1 graph
     * @param epoch the epoch
     * @param mse their validation MSE
     * @return the checkpoint
     */
    private static Checkpoint<Double> checkpoint(final StageGraphs.Graph graph, final int epoch,
                                                 final double mse) {
        return new Checkpoint<>(epoch, mse, TrainingRun.snapshot(graph.sd(), graph.trainable()), mse);
    }

    /**
     * Runs one epoch of mini-batch Adam over a fresh shuffle.
     * @param graph the S1 graph
     * @param adam the optimiser
     * @return the mean training loss
     */
    private double trainEpoch(final StageGraphs.Graph graph, final AdamOptimizer adam) {
        final TrainingData data = run.data();
        final int batch = run.options().data().batch();
        final int[] perm = Batches.permutation(data.xTrain.length, random);
        double sum = 0;
        for (int s = 0; s < run.steps(); s++) {
            final int lo = s * batch;
            final int hi = Math.min(perm.length, lo + batch);
            final Map<String, INDArray> ph = new HashMap<>();
            ph.put("x", run.batches().rows(data.xTrain, perm, lo, hi, 1));
            ph.put("y", run.batches().rows(data.yTrain, perm, lo, hi, 1));
            final OutAndGrad og = graph.sd().calculateGradientsAndOutputs(ph, List.of("loss"), graph.trainable());
            sum += og.getOutputs().get("loss").getDouble(0) * (hi - lo);
            adam.step(og.getGradients());
        }
        return sum / perm.length;
    }

    /**
     * Computes the validation MSE of the current f.
     * @param graph the S1 graph
     * @return the MSE, mean per component
     */
    private double validationMse(final StageGraphs.Graph graph) {
        final TrainingData data = run.data();
        double sum = 0;
        final int total = data.xVal.length;
        for (int lo = 0; lo < total; lo += TrainingRun.CHUNK) {
            final int hi = Math.min(total, lo + TrainingRun.CHUNK);
            final Map<String, INDArray> ph = new HashMap<>();
            ph.put("x", run.batches().rows(data.xVal, null, lo, hi, 1));
            ph.put("y", run.batches().rows(data.yVal, null, lo, hi, 1));
            sum += graph.sd().output(ph, "mse").get("mse").getDouble(0) * (hi - lo);
        }
        return sum / total;
    }
}
