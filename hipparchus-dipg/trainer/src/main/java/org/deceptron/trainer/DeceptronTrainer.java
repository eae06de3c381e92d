package org.deceptron.trainer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.deceptron.dipg.model.Normalization;
import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.random.Well19937c;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a Deceptron with the paper's three stages (arXiv 2605.13068):
 * <ol>
 *   <li>S1: forward surrogate f on MSE(f(x), y); checkpoint = lowest validation MSE ({@link ForwardStage});</li>
 *   <li>S2: f frozen; reverse map g on reconstruction {@code ||g(y) - x||^2} (or {@code g(f(x))}) plus
 *   {@code w_cyc ||f(g(y~)) - y~||^2}, {@code y~ = y + sigma N(0,1)}; checkpoint = lowest validation value of
 *   that objective ({@link ReverseStage});</li>
 *   <li>S3, twice from the same S2 checkpoint and the same f: +JCP adds {@code w_jcp JCP}, -JCP does not;
 *   checkpoint (for both alike, the S2 checkpoint included as epoch 0) = lowest validation value of the +JCP
 *   objective {@code rec + w_cyc cyc + w_jcp RJCP}, optionally guarded on reconstruction
 *   ({@link CheckpointScore}).</li>
 * </ol>
 * JCP and RJCP are {@code mean((J_g(f(x)) J_f(x) xi - xi)^2)} with Rademacher xi, in normalised coordinates;
 * validation RJCP uses fixed probes on the first {@code rjcpSamples} validation samples, so +JCP and -JCP are
 * compared on the same probes ({@link ReverseValidator}). Optimiser: Adam with weight decay, global-norm clipping
 * and optional cosine decay.
 * <p>
 * Determinism: every random number (prior samples, initial weights, shuffles, y~ noise, probes) comes from
 * Hipparchus generators seeded from {@link TrainingOptions#seed()}; with {@code OMP_NUM_THREADS=1} the ND4J CPU ops
 * ran bit-identically in repeated runs here, but ND4J/oneDNN do not promise reproducibility across CPUs, thread
 * counts or library versions.
 * </p>
 */
public final class DeceptronTrainer {

    /** Trainer version recorded in the model file. */
    public static final String VERSION = "0.1.0";

    /** Seed offset of f's initial weights (every stream is seeded with the options' seed plus an offset). */
    private static final int F_INIT = 1;
    /** Seed offset of g's initial weights. */
    private static final int G_INIT = 2;
    /** Seed offset of S1's shuffles. */
    private static final int S1_STREAM = 11;
    /** Seed offset of S2's shuffles, noise and probes. */
    private static final int S2_STREAM = 12;
    /** Seed offset of S3's shuffles, noise and probes (the same for both branches). */
    private static final int S3_STREAM = 13;

    /** The options. */
    private final TrainingOptions options;
    /** Progress listener. */
    private final TrainingListener listener;

    /**
     * Creates a trainer.
     * @param options the options (immutable, checked when built)
     * @param listener progress listener (may be null)
     */
    public DeceptronTrainer(final TrainingOptions options, final TrainingListener listener) {
        this.options = options;
        this.listener = listener == null ? new TrainingListener() { } : listener;
    }

    /**
     * Generates data from the family and trains.
     * @param family the family
     * @return the result
     */
    public TrainingResult train(final ForwardFamily family) {
        listener.info("generating " + options.data().samples() + " + " + options.data().validationSamples()
                      + " samples of " + family.id());
        final TrainingData data = TrainingData.generate(family, options);
        listener.info(String.format("data generated in %.1f s", data.seconds));
        return train(family, data);
    }

    /**
     * Trains on given data.
     * @param family the family (for the exact JCP target and the exact validation RJCP), may be null
     * @param data the data
     * @return the result
     * @throws MathIllegalArgumentException ({@link TrainerFormats#EXACT_TARGET_NEEDS_FAMILY}) for the exact JCP
     * target without the family, ({@link TrainerFormats#EXACT_TARGET_NEEDS_TANGENT}) with a family whose model has
     * no tangent model
     */
    public TrainingResult train(final ForwardFamily family, final TrainingData data) {
        if (options.jcp().target() == JcpTarget.EXACT && family == null) {
            throw new MathIllegalArgumentException(TrainerFormats.EXACT_TARGET_NEEDS_FAMILY);
        }
        if (options.jcp().target() == JcpTarget.EXACT && !TrainingRun.hasTangent(family)) {
            throw new MathIllegalArgumentException(TrainerFormats.EXACT_TARGET_NEEDS_TANGENT, family.id());
        }
        final long t0 = System.nanoTime();
        Nd4j.getRandom().setSeed(options.seed());
        final TrainingRun run = TrainingRun.of(options, family, data, listener);
        final Map<String, INDArray> f0 = initialParameters(StageGraphs.F, run.fLayers(), F_INIT);
        final Map<String, INDArray> g0 = initialParameters(StageGraphs.G, run.gLayers(), G_INIT);

        final StageResult s1 = new ForwardStage(run, f0, stream(S1_STREAM)).run();
        final ReverseValidator validator = new ReverseValidator(run, s1.parameters());
        final StageResult s2 = ReverseStage.s2(run, validator).run(g0, stream(S2_STREAM));
        final Map<Branch, StageResult> s3 = new EnumMap<>(Branch.class);
        for (final Branch branch : Branch.values()) {
            if (options.trains(branch)) {
                // both branches from the same checkpoint, with the same random stream
                s3.put(branch, ReverseStage.s3(run, validator, branch, s2.reverseMetrics())
                                           .run(s2.parameters(), stream(S3_STREAM)));
            }
        }
        return new TrainingResult(options, run.fLayers(), run.gLayers(), new Normalization(data.xMean, data.xStd),
                                  new Normalization(data.yMean, data.yStd), s1, s2, s3.get(Branch.PLUS_JCP),
                                  s3.get(Branch.MINUS_JCP), data.seconds,
                                  data.seconds + (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * Draws a network's initial parameters.
     * @param prefix the network's prefix
     * @param layers its layers
     * @param offset seed offset of its stream
     * @return the parameters
     */
    private Map<String, INDArray> initialParameters(final String prefix, final List<LayerSpec> layers,
                                                    final int offset) {
        return SdNet.initialParameters(prefix, layers, stream(offset), options.dtype());
    }

    /**
     * Returns a random stream of the run.
     * @param offset seed offset
     * @return a generator seeded with {@code seed + offset}
     */
    private Well19937c stream(final int offset) {
        return new Well19937c(options.seed() + offset);
    }

    /**
     * Returns the options.
     * @return the options
     */
    public TrainingOptions options() {
        return options;
    }

    /**
     * Returns the data type used.
     * @return the data type
     */
    public DataType dataType() {
        return options.dtype();
    }
}
