package org.deceptron.trainer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * S2 or one S3 branch: trains the reverse map g with f frozen on reconstruction plus {@code w_cyc} cycle loss,
 * plus {@code w_jcp JCP} in the +JCP branch, and keeps the checkpoint with the lowest {@link CheckpointScore}
 * (the starting point included as epoch 0).
 */
final class ReverseStage {

    /** The run. */
    private final TrainingRun run;
    /** Validation of the checkpoints. */
    private final ReverseValidator validator;
    /** Stage label. */
    private final String label;
    /** Schedule (epochs, learning rate). */
    private final TrainingStage stage;
    /** JCP target of the training loss, null without JCP. */
    private final JcpTarget jcp;
    /** Ranking of the checkpoints. */
    private final CheckpointScore score;

    /**
     * Prepares a reverse stage.
     * @param run the run
     * @param validator validation of the checkpoints
     * @param label stage label
     * @param stage schedule
     * @param jcp JCP target, null without JCP
     * @param score ranking of the checkpoints
     */
    private ReverseStage(final TrainingRun run, final ReverseValidator validator, final String label,
                         final TrainingStage stage, final JcpTarget jcp, final CheckpointScore score) {
        this.run = run;
        this.validator = validator;
        this.label = label;
        this.stage = stage;
        this.jcp = jcp;
        this.score = score;
    }

    /**
     * Prepares S2.
     * @param run the run
     * @param validator validation of the checkpoints
     * @return the stage
     */
    static ReverseStage s2(final TrainingRun run, final ReverseValidator validator) {
        return new ReverseStage(run, validator, "S2", TrainingStage.S2, null, CheckpointScore.s2(run.options()));
    }

    /**
     * Prepares one S3 branch.
     * @param run the run
     * @param validator validation of the checkpoints
     * @param branch the branch
     * @param s2 the S2 checkpoint's metrics (the reference of the reconstruction guard)
     * @return the stage
     */
    static ReverseStage s3(final TrainingRun run, final ReverseValidator validator, final Branch branch,
                           final ReverseMetrics s2) {
        return new ReverseStage(run, validator, branch.stageLabel(), TrainingStage.S3,
                                branch.withJcp() ? run.options().jcp().target() : null,
                                CheckpointScore.s3(run.options(), s2.rec()));
    }

    /**
     * Runs the stage.
     * @param gStart g's starting parameters
     * @param random source of the shuffles and y~ noise; the probes come from a generator seeded from it, so
     * that branches with the same random stream see the same shuffles and noise
     * @return g's selected parameters and what the stage did
     */
    StageResult run(final Map<String, INDArray> gStart, final RandomGenerator random) {
        final int epochs = run.options().schedule(stage).epochs();
        final EpochClock clock = new EpochClock(epochs);
        run.listener().stageStarted(label, epochs);
        final Session session = new Session(gStart, random);
        Checkpoint<ReverseMetrics> best = session.checkpoint(0);
        double lastLoss = Double.NaN;
        for (int e = 1; e <= epochs; e++) {
            clock.startEpoch();
            final double[] means = session.trainEpoch();
            lastLoss = means[0];
            final Checkpoint<ReverseMetrics> current = session.checkpoint(e);
            if (current.betterThan(best)) {
                best = current;
            }
            clock.endEpoch(e);
            run.listener().epochFinished(label, e, epochs, session.epochMetrics(means, current, best));
        }
        final StageSummary summary = new StageSummary(label, epochs, best.epoch(), best.score(), clock.elapsed(),
                                                      clock.medianEpoch(), clock.firstEpoch(), lastLoss,
                                                      best.metrics().asMap());
        run.listener().stageFinished(summary);
        return new StageResult(summary, best.parameters(), Optional.of(best.metrics()));
    }

    /** The graph, optimiser and random streams of one run of the stage. */
    private final class Session {

        /** The training graph. */
        private final StageGraphs.Graph graph;
        /** The optimiser. */
        private final AdamOptimizer adam;
        /** Shuffles and y~ noise. */
        private final RandomGenerator random;
        /** JCP probes. */
        private final RandomGenerator probeRandom;
        /** Graph outputs averaged per epoch: loss, rec, cyc and, with JCP, jcp. */
        private final List<String> outputs = new ArrayList<>(List.of("loss", "rec", "cyc"));

        /**
         * Builds the graph and the optimiser.
         * @param gStart g's starting parameters
         * @param random source of the shuffles and noise
         */
        Session(final Map<String, INDArray> gStart, final RandomGenerator random) {
            final ReverseLoss loss = run.options().loss();
            this.graph = StageGraphs.reverse(run.fLayers(), run.gLayers(), run.data().n(), run.data().m(),
                                             validator.f(), gStart, loss.recOnData(), loss.cycleWeight(), jcp,
                                             loss.jcpWeight(), true, run.options().dtype());
            this.adam = run.optimizer(graph, stage);
            this.random = random;
            if (jcp != null) {
                outputs.add("jcp");
            }
            this.probeRandom = new Well19937c(random.nextLong());
        }

        /**
         * Validates the current parameters.
         * @param epoch the epoch
         * @return the checkpoint
         */
        Checkpoint<ReverseMetrics> checkpoint(final int epoch) {
            final Map<String, INDArray> params = TrainingRun.snapshot(graph.sd(), graph.trainable());
            final ReverseMetrics m = validator.validate(params);
            return new Checkpoint<>(epoch, score.score(m), params, m);
        }

        /**
         * Runs one epoch of mini-batch Adam over a fresh shuffle.
         * @return the means of the {@link #outputs} over the epoch
         */
        double[] trainEpoch() {
            final int batch = run.options().data().batch();
            final int[] perm = Batches.permutation(run.data().xTrain.length, random);
            final double[] sums = new double[outputs.size()];
            for (int s = 0; s < run.steps(); s++) {
                final int lo = s * batch;
                final int hi = Math.min(perm.length, lo + batch);
                final OutAndGrad og = graph.sd().calculateGradientsAndOutputs(placeholders(perm, lo, hi), outputs,
                                                                               graph.trainable());
                for (int q = 0; q < outputs.size(); q++) {
                    sums[q] += og.getOutputs().get(outputs.get(q)).getDouble(0) * (hi - lo);
                }
                adam.step(og.getGradients());
            }
            for (int q = 0; q < sums.length; q++) {
                sums[q] /= perm.length;
            }
            return sums;
        }

        /**
         * Builds the placeholders of one mini-batch: x, y, the perturbed y~ and, with JCP, the probes and the
         * points (and exact tangents) they are taken at.
         * @param perm the epoch's shuffle
         * @param lo first row of the batch
         * @param hi end of the batch
         * @return name -&gt; array
         */
        private Map<String, INDArray> placeholders(final int[] perm, final int lo, final int hi) {
            final TrainingData data = run.data();
            final TrainingOptions o = run.options();
            final Map<String, INDArray> ph = new HashMap<>();
            ph.put("x", run.batches().rows(data.xTrain, perm, lo, hi, 1));
            ph.put("y", run.batches().rows(data.yTrain, perm, lo, hi, 1));
            ph.put("yt", run.batches().noisyRows(data.yTrain, perm, lo, hi, o.loss().cycleNoise(), random));
            if (jcp != null) {
                final int k = Math.min(o.jcp().samples(), hi - lo);
                final double[][] xi = Batches.rademacher(k * o.jcp().probes(), data.n(), probeRandom);
                ph.put("xi", run.batches().matrix(xi));
                if (jcp == JcpTarget.SURROGATE) {
                    ph.put("xj", run.batches().rows(data.xTrain, perm, lo, lo + k, o.jcp().probes()));
                } else {
                    ph.put("yj", run.batches().rows(data.yTrain, perm, lo, lo + k, o.jcp().probes()));
                    ph.put("dyj", run.batches().matrix(run.tangents().at(data.xTrainRaw, perm, lo, k, xi)));
                }
            }
            return ph;
        }

        /**
         * Returns what an epoch reports: the training means, the validation metrics and the selected epoch.
         * @param means the training means of the outputs
         * @param current this epoch's checkpoint
         * @param best the best checkpoint so far
         * @return report name -&gt; value, insertion ordered
         */
        Map<String, Double> epochMetrics(final double[] means, final Checkpoint<ReverseMetrics> current,
                                         final Checkpoint<ReverseMetrics> best) {
            final Map<String, Double> metrics = new LinkedHashMap<>();
            for (int q = 0; q < outputs.size(); q++) {
                metrics.put(outputs.get(q), means[q]);
            }
            metrics.putAll(current.metrics().asMap());
            metrics.put("best_epoch", (double) best.epoch());
            return metrics;
        }
    }
}
