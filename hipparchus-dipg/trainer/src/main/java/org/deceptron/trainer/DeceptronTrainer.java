package org.deceptron.trainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a Deceptron with the paper's three stages (paper-probe section 3.1):
 * <ol>
 *   <li>S1: forward surrogate f on MSE(f(x), y); checkpoint = lowest validation MSE;</li>
 *   <li>S2: f frozen; reverse map g on reconstruction {@code ||g(y) - x||^2} (or {@code g(f(x))}) plus
 *   {@code w_cyc ||f(g(y~)) - y~||^2}, {@code y~ = y + sigma N(0,1)}; checkpoint = lowest validation value of
 *   that objective;</li>
 *   <li>S3, twice from the same S2 checkpoint and the same f: +JCP adds {@code w_jcp JCP}, -JCP does not;
 *   checkpoint (for both alike, the S2 checkpoint included as epoch 0) = lowest validation value of the +JCP
 *   objective {@code rec + w_cyc cyc + w_jcp RJCP}, optionally guarded on reconstruction ({@code recGuard}).</li>
 * </ol>
 * JCP and RJCP are {@code mean((J_g(f(x)) J_f(x) xi - xi)^2)} with Rademacher xi, in normalised coordinates;
 * validation RJCP uses fixed probes on the first {@code rjcpSamples} validation samples, so +JCP and -JCP are
 * compared on the same probes. Optimiser: Adam with weight decay, global-norm clipping and optional cosine decay.
 * <p>
 * Determinism: every random number (prior samples, initial weights, shuffles, y~ noise, probes) comes from
 * Hipparchus generators seeded from {@code options.seed}; with {@code OMP_NUM_THREADS=1} the ND4J CPU ops ran
 * bit-identically in repeated runs here, but ND4J/oneDNN do not promise reproducibility across CPUs, thread counts
 * or library versions.
 * </p>
 */
public final class DeceptronTrainer {

    /** Trainer version recorded in the model file. */
    public static final String VERSION = "0.1.0";

    /** Validation chunk size. */
    private static final int CHUNK = 256;

    /** Options. */
    private final TrainingOptions o;
    /** Listener. */
    private final TrainingListener listener;

    /**
     * Creates a trainer.
     * @param options options (copied)
     * @param listener progress listener (may be null)
     */
    public DeceptronTrainer(final TrainingOptions options, final TrainingListener listener) {
        options.validate();
        this.o = options.copy();
        this.listener = listener == null ? new TrainingListener() { } : listener;
    }

    /**
     * Generates data from the family and trains.
     * @param family the family
     * @return the result
     */
    public TrainingResult train(final ForwardFamily family) {
        listener.info("generating " + o.samples + " + " + o.valSamples + " samples of " + family.id());
        final TrainingData data = TrainingData.generate(family, o.samples, o.valSamples, o.seed, o.xNorm, o.yNorm,
                                                        o.dataThreads);
        listener.info(String.format("data generated in %.1f s", data.seconds));
        return train(family, data);
    }

    /**
     * Trains on given data.
     * @param family the family (for the exact JCP target and the exact validation RJCP), may be null
     * @param data the data
     * @return the result
     */
    public TrainingResult train(final ForwardFamily family, final TrainingData data) {
        if (o.jcpTarget == JcpTarget.EXACT && family == null) {
            throw new IllegalArgumentException("the exact JCP target needs the family");
        }
        final long t0 = System.nanoTime();
        Nd4j.getRandom().setSeed(o.seed);
        final int n = data.n();
        final int m = data.m();
        final List<LayerSpec> fLayers = o.forward.layers(n, m);
        final List<LayerSpec> gLayers = o.reverse.layers(m, n);
        final Map<String, INDArray> f0 = SdNet.initialParameters(StageGraphs.F, fLayers, new Well19937c(o.seed + 1),
                                                                 o.dtype);
        final Map<String, INDArray> g0 = SdNet.initialParameters(StageGraphs.G, gLayers, new Well19937c(o.seed + 2),
                                                                 o.dtype);
        final List<StageSummary> stages = new ArrayList<>();

        // S1
        final Snapshot s1 = runForward(data, fLayers, f0, new Well19937c(o.seed + 11));
        stages.add(s1.summary);
        final Map<String, INDArray> f = s1.params;

        final Validator validator = new Validator(family, data, fLayers, gLayers, f);

        // S2
        final Snapshot s2 = runReverse("S2", data, fLayers, gLayers, f, g0, null, o.epochs2, o.lr2, validator,
                                       new Well19937c(o.seed + 12), Double.NaN);
        stages.add(s2.summary);
        final double recS2 = s2.summary.selected().get("val_rec");

        // S3, both branches from the same checkpoint, with the same random stream
        Snapshot plus = null;
        Snapshot minus = null;
        if (o.trainPlus) {
            plus = runReverse("S3+JCP", data, fLayers, gLayers, f, s2.params, o.jcpTarget, o.epochs3, o.lr3,
                              validator, new Well19937c(o.seed + 13), recS2);
            stages.add(plus.summary);
        }
        if (o.trainMinus) {
            minus = runReverse("S3-JCP", data, fLayers, gLayers, f, s2.params, null, o.epochs3, o.lr3, validator,
                               new Well19937c(o.seed + 13), recS2);
            stages.add(minus.summary);
        }
        return new TrainingResult(o.copy(), n, m, fLayers, gLayers, f, s2.params,
                                  plus == null ? null : plus.params, minus == null ? null : minus.params,
                                  data.xMean, data.xStd, data.yMean, data.yStd, stages,
                                  plus == null ? null : plus.summary.selected(),
                                  minus == null ? null : minus.summary.selected(),
                                  data.seconds, data.seconds + (System.nanoTime() - t0) * 1e-9);
    }

    /** Selected parameters of a stage and its summary. */
    private record Snapshot(Map<String, INDArray> params, StageSummary summary) {
    }

    private Snapshot runForward(final TrainingData data, final List<LayerSpec> fLayers,
                                final Map<String, INDArray> f0, final RandomGenerator random) {
        final String stage = "S1";
        final long start = System.nanoTime();
        listener.stageStarted(stage, o.epochs1);
        final StageGraphs.Graph g = StageGraphs.forwardFit(fLayers, data.n(), data.m(), f0, o.dtype);
        final int steps = (data.xTrain.length + o.batch - 1) / o.batch;
        final AdamOptimizer adam = new AdamOptimizer(g.sd(), g.trainable(), o.lr1, o.weightDecay, o.clip,
                                                     o.cosine ? (long) steps * o.epochs1 : 0);
        double best = valMse(g.sd(), data);
        int bestEpoch = 0;
        Map<String, INDArray> bestParams = snapshot(g.sd(), g.trainable());
        final double[] times = new double[o.epochs1];
        double lastLoss = Double.NaN;
        final Map<String, Double> selected = new LinkedHashMap<>();
        selected.put("val_mse", best);
        for (int e = 1; e <= o.epochs1; e++) {
            final long te = System.nanoTime();
            final int[] perm = permutation(data.xTrain.length, random);
            double sum = 0;
            for (int s = 0; s < steps; s++) {
                final int lo = s * o.batch;
                final int hi = Math.min(perm.length, lo + o.batch);
                final Map<String, INDArray> ph = new HashMap<>();
                ph.put("x", rows(data.xTrain, perm, lo, hi, 1));
                ph.put("y", rows(data.yTrain, perm, lo, hi, 1));
                final OutAndGrad og = g.sd().calculateGradientsAndOutputs(ph, List.of("loss"), g.trainable());
                sum += og.getOutputs().get("loss").getDouble(0) * (hi - lo);
                adam.step(og.getGradients());
            }
            lastLoss = sum / perm.length;
            final double val = valMse(g.sd(), data);
            if (val < best) {
                best = val;
                bestEpoch = e;
                bestParams = snapshot(g.sd(), g.trainable());
                selected.put("val_mse", best);
            }
            times[e - 1] = (System.nanoTime() - te) * 1e-9;
            final Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("loss", lastLoss);
            metrics.put("val_mse", val);
            metrics.put("best", best);
            listener.epochFinished(stage, e, o.epochs1, metrics);
        }
        final StageSummary summary = summary(stage, o.epochs1, bestEpoch, start, times, lastLoss, selected);
        listener.stageFinished(summary);
        return new Snapshot(bestParams, summary);
    }

    private double valMse(final SameDiff sd, final TrainingData data) {
        double sum = 0;
        final int total = data.xVal.length;
        for (int lo = 0; lo < total; lo += CHUNK) {
            final int hi = Math.min(total, lo + CHUNK);
            final Map<String, INDArray> ph = new HashMap<>();
            ph.put("x", rows(data.xVal, null, lo, hi, 1));
            ph.put("y", rows(data.yVal, null, lo, hi, 1));
            sum += sd.output(ph, "mse").get("mse").getDouble(0) * (hi - lo);
        }
        return sum / total;
    }

    private Snapshot runReverse(final String stage, final TrainingData data, final List<LayerSpec> fLayers,
                                final List<LayerSpec> gLayers, final Map<String, INDArray> f,
                                final Map<String, INDArray> gStart, final JcpTarget jcp, final int epochs,
                                final double lr, final Validator validator, final RandomGenerator random,
                                final double recS2) {
        final long start = System.nanoTime();
        listener.stageStarted(stage, epochs);
        final StageGraphs.Graph g = StageGraphs.reverse(fLayers, gLayers, data.n(), data.m(), f, gStart,
                                                        o.recOnData, o.cycleWeight, jcp, o.jcpWeight, true, o.dtype);
        final int steps = (data.xTrain.length + o.batch - 1) / o.batch;
        final AdamOptimizer adam = new AdamOptimizer(g.sd(), g.trainable(), lr, o.weightDecay, o.clip,
                                                     o.cosine ? (long) steps * epochs : 0);
        final boolean s3 = !Double.isNaN(recS2);
        Map<String, INDArray> bestParams = snapshot(g.sd(), g.trainable());
        Map<String, Double> selected = validator.validate(bestParams);
        double best = score(selected, recS2);
        int bestEpoch = 0;
        final double[] times = new double[epochs];
        double lastLoss = Double.NaN;
        final List<String> outputs = new ArrayList<>(List.of("loss", "rec", "cyc"));
        if (jcp != null) {
            outputs.add("jcp");
        }
        final int n = data.n();
        // probes from their own stream, so that +JCP and -JCP see the same shuffles and y~ noise
        final RandomGenerator probeRandom = new Well19937c(random.nextLong());
        for (int e = 1; e <= epochs; e++) {
            final long te = System.nanoTime();
            final int[] perm = permutation(data.xTrain.length, random);
            final double[] sums = new double[outputs.size()];
            for (int s = 0; s < steps; s++) {
                final int lo = s * o.batch;
                final int hi = Math.min(perm.length, lo + o.batch);
                final Map<String, INDArray> ph = new HashMap<>();
                ph.put("x", rows(data.xTrain, perm, lo, hi, 1));
                ph.put("y", rows(data.yTrain, perm, lo, hi, 1));
                ph.put("yt", noisyRows(data.yTrain, perm, lo, hi, o.cycleNoise, random));
                if (jcp != null) {
                    final int k = Math.min(o.jcpSamples, hi - lo);
                    final double[][] xi = rademacher(k * o.jcpProbes, n, probeRandom);
                    ph.put("xi", matrix(xi));
                    if (jcp == JcpTarget.SURROGATE) {
                        ph.put("xj", rows(data.xTrain, perm, lo, lo + k, o.jcpProbes));
                    } else {
                        ph.put("yj", rows(data.yTrain, perm, lo, lo + k, o.jcpProbes));
                        ph.put("dyj", matrix(validator.exactTangents(data.xTrainRaw, perm, lo, k, xi)));
                    }
                }
                final OutAndGrad og = g.sd().calculateGradientsAndOutputs(ph, outputs, g.trainable());
                for (int q = 0; q < outputs.size(); q++) {
                    sums[q] += og.getOutputs().get(outputs.get(q)).getDouble(0) * (hi - lo);
                }
                adam.step(og.getGradients());
            }
            lastLoss = sums[0] / perm.length;
            final Map<String, INDArray> current = snapshot(g.sd(), g.trainable());
            final Map<String, Double> val = validator.validate(current);
            final double sc = s3 ? score(val, recS2) : score(val, Double.NaN);
            if (sc < best) {
                best = sc;
                bestEpoch = e;
                bestParams = current;
                selected = val;
            }
            times[e - 1] = (System.nanoTime() - te) * 1e-9;
            final Map<String, Double> metrics = new LinkedHashMap<>();
            for (int q = 0; q < outputs.size(); q++) {
                metrics.put(outputs.get(q), sums[q] / perm.length);
            }
            metrics.putAll(val);
            metrics.put("best_epoch", (double) bestEpoch);
            listener.epochFinished(stage, e, epochs, metrics);
        }
        final StageSummary summary = summary(stage, epochs, bestEpoch, start, times, lastLoss, selected);
        listener.stageFinished(summary);
        return new Snapshot(bestParams, summary);
    }

    /**
     * Checkpoint score (lower is better) on validation. S2 (recS2 NaN): the S2 objective rec + w_cyc cyc. S3, the
     * same for both branches: the +JCP objective rec + w_cyc cyc + w_jcp RJCP (the paper selects -JCP by the same
     * RJCP-based score as +JCP; the exact RJCP when JCP targets the exact Jacobian), subject to an optional
     * guard: checkpoints whose reconstruction exceeds
     * {@code recGuard} times S2's are ranked after all others.
     */
    private double score(final Map<String, Double> val, final double recS2) {
        final double base = val.get("val_rec") + o.cycleWeight * val.get("val_cyc");
        if (Double.isNaN(recS2)) {
            return base;
        }
        // with the exact target, JCP trains the composition with the true J_F: select on that one
        final String rjcp = o.jcpTarget == JcpTarget.EXACT ? "val_rjcp_exact" : "val_rjcp";
        final double s = base + o.jcpWeight * val.get(rjcp);
        return val.get("val_rec") <= o.recGuard * recS2 ? s : 1e6 + s;
    }

    private static StageSummary summary(final String stage, final int epochs, final int bestEpoch, final long start,
                                        final double[] times, final double lastLoss,
                                        final Map<String, Double> selected) {
        double median = Double.NaN;
        if (times.length > 1) {
            final double[] rest = Arrays.copyOfRange(times, 1, times.length);
            Arrays.sort(rest);
            median = rest[rest.length / 2];
        } else if (times.length == 1) {
            median = times[0];
        }
        return new StageSummary(stage, epochs, bestEpoch, (System.nanoTime() - start) * 1e-9, median,
                                times.length > 0 ? times[0] : Double.NaN, lastLoss, Map.copyOf(selected));
    }

    /**
     * Validation of a reverse map: reconstruction, cycle (clean y), RJCP with the surrogate and, when the family is
     * known, with the exact forward tangent; all on fixed probes.
     */
    private final class Validator {
        private final ForwardFamily family;
        private final TrainingData data;
        private final StageGraphs.Graph surrogate;
        private final StageGraphs.Graph exact;
        private final INDArray xj;
        private final INDArray xi;
        private final INDArray yj;
        private final INDArray dyj;

        Validator(final ForwardFamily family, final TrainingData data, final List<LayerSpec> fLayers,
                  final List<LayerSpec> gLayers, final Map<String, INDArray> f) {
            this.family = family;
            this.data = data;
            final Map<String, INDArray> gDummy = SdNet.initialParameters(StageGraphs.G, gLayers, new Well19937c(0),
                                                                         o.dtype);
            this.surrogate = StageGraphs.reverse(fLayers, gLayers, data.n(), data.m(), f, gDummy, o.recOnData,
                                                 o.cycleWeight, JcpTarget.SURROGATE, 1.0, false, o.dtype);
            final int k = Math.min(o.rjcpSamples, data.xVal.length);
            final double[][] probes = rademacher(k * o.rjcpProbes, data.n(), new Well19937c(o.seed + 99));
            this.xi = matrix(probes);
            this.xj = rows(data.xVal, null, 0, k, o.rjcpProbes);
            if (family != null) {
                this.exact = StageGraphs.reverse(fLayers, gLayers, data.n(), data.m(), f, gDummy, o.recOnData,
                                                 o.cycleWeight, JcpTarget.EXACT, 1.0, false, o.dtype);
                this.yj = rows(data.yVal, null, 0, k, o.rjcpProbes);
                this.dyj = matrix(exactTangents(data.xValRaw, null, 0, k, probes));
            } else {
                this.exact = null;
                this.yj = null;
                this.dyj = null;
            }
        }

        /**
         * Normalised exact tangents J_F(x_i) (sx .* xi) / sy for rows lo..lo+k of raw x, each repeated for the
         * probes (probe-major within a sample, matching {@link #rows} with repeat).
         */
        double[][] exactTangents(final double[][] xRaw, final int[] perm, final int lo, final int k,
                                 final double[][] probes) {
            final int reps = probes.length / k;
            final double[][] out = new double[probes.length][];
            final int nn = data.n();
            java.util.stream.IntStream.range(0, probes.length).parallel().forEach(r -> {
                final int i = r / reps;
                final double[] x = xRaw[perm == null ? lo + i : perm[lo + i]];
                final double[] v = new double[nn];
                for (int j = 0; j < nn; j++) {
                    v[j] = probes[r][j] * data.xStd[j];
                }
                final double[] jv = family.jvp(x, v);
                for (int j = 0; j < jv.length; j++) {
                    jv[j] /= data.yStd[j];
                }
                out[r] = jv;
            });
            return out;
        }

        Map<String, Double> validate(final Map<String, INDArray> g) {
            assign(surrogate.sd(), g);
            double rec = 0;
            double cyc = 0;
            final int total = data.xVal.length;
            for (int lo = 0; lo < total; lo += CHUNK) {
                final int hi = Math.min(total, lo + CHUNK);
                final Map<String, INDArray> ph = new HashMap<>();
                ph.put("x", rows(data.xVal, null, lo, hi, 1));
                final INDArray y = rows(data.yVal, null, lo, hi, 1);
                ph.put("y", y);
                ph.put("yt", y);
                final Map<String, INDArray> out = surrogate.sd().output(ph, "rec", "cyc");
                rec += out.get("rec").getDouble(0) * (hi - lo);
                cyc += out.get("cyc").getDouble(0) * (hi - lo);
            }
            final Map<String, Double> v = new LinkedHashMap<>();
            v.put("val_rec", rec / total);
            v.put("val_cyc", cyc / total);
            final Map<String, INDArray> ph = new HashMap<>();
            ph.put("xj", xj);
            ph.put("xi", xi);
            v.put("val_rjcp", surrogate.sd().output(ph, "jcp").get("jcp").getDouble(0));
            if (exact != null) {
                assign(exact.sd(), g);
                final Map<String, INDArray> pe = new HashMap<>();
                pe.put("yj", yj);
                pe.put("dyj", dyj);
                pe.put("xi", xi);
                v.put("val_rjcp_exact", exact.sd().output(pe, "jcp").get("jcp").getDouble(0));
            }
            return v;
        }

        private void assign(final SameDiff sd, final Map<String, INDArray> g) {
            for (final Map.Entry<String, INDArray> e : g.entrySet()) {
                sd.getArrForVarName(e.getKey()).assign(e.getValue());
            }
        }
    }

    private static Map<String, INDArray> snapshot(final SameDiff sd, final List<String> names) {
        final Map<String, INDArray> out = new LinkedHashMap<>();
        for (final String name : names) {
            out.put(name, sd.getArrForVarName(name).dup('c'));
        }
        return out;
    }

    private static int[] permutation(final int size, final RandomGenerator random) {
        final int[] p = new int[size];
        for (int i = 0; i < size; i++) {
            p[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Rows lo..hi of data (through perm when not null), each repeated {@code repeat} times consecutively. */
    private INDArray rows(final double[][] data, final int[] perm, final int lo, final int hi, final int repeat) {
        final int d = data[0].length;
        final int k = (hi - lo) * repeat;
        final double[] flat = new double[k * d];
        int r = 0;
        for (int i = lo; i < hi; i++) {
            final double[] row = data[perm == null ? i : perm[i]];
            for (int q = 0; q < repeat; q++, r++) {
                System.arraycopy(row, 0, flat, r * d, d);
            }
        }
        return Nd4j.create(flat, new long[] {k, d}, o.dtype);
    }

    private INDArray noisyRows(final double[][] data, final int[] perm, final int lo, final int hi,
                               final double sigma, final RandomGenerator random) {
        final int d = data[0].length;
        final double[] flat = new double[(hi - lo) * d];
        for (int i = lo; i < hi; i++) {
            final double[] row = data[perm[i]];
            for (int j = 0; j < d; j++) {
                flat[(i - lo) * d + j] = row[j] + sigma * random.nextGaussian();
            }
        }
        return Nd4j.create(flat, new long[] {hi - lo, d}, o.dtype);
    }

    private INDArray matrix(final double[][] rowsData) {
        final int d = rowsData[0].length;
        final double[] flat = new double[rowsData.length * d];
        for (int i = 0; i < rowsData.length; i++) {
            System.arraycopy(rowsData[i], 0, flat, i * d, d);
        }
        return Nd4j.create(flat, new long[] {rowsData.length, d}, o.dtype);
    }

    private static double[][] rademacher(final int count, final int d, final RandomGenerator random) {
        final double[][] out = new double[count][d];
        for (final double[] row : out) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextBoolean() ? 1.0 : -1.0;
            }
        }
        return out;
    }

    /**
     * Returns the data type used.
     * @return the data type
     */
    public DataType dataType() {
        return o.dtype;
    }
}
