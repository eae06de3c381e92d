package org.deceptron.trainer;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Everything that determines a training run besides the family: architectures, data sizes, the three stages'
 * epochs and learning rates, loss weights, JCP/RJCP sampling, checkpoint selection, seed and precision.
 * <p>
 * Immutable. Build with {@link #builder()} (defaults: the paper's Heat-1D/Heat-3D protocol, arXiv 2605.13068)
 * or change a copy with {@link #toBuilder()}; {@link Builder#build()} checks every value and throws a
 * {@link MathIllegalArgumentException} ({@link TrainerFormats#INVALID_OPTION}) naming the offending option.
 * </p>
 */
public final class TrainingOptions {

    /** Forward surrogate architecture f: n -&gt; m. */
    private final Architecture forward;
    /** Reverse map architecture g: m -&gt; n. */
    private final Architecture reverse;
    /** Normalisation of x. */
    private final NormMode xNorm;
    /** Normalisation of y. */
    private final NormMode yNorm;
    /** Training samples. */
    private final int samples;
    /** Validation samples. */
    private final int validationSamples;
    /** Mini-batch size. */
    private final int batch;
    /** Epochs per {@link TrainingStage} (by ordinal). */
    private final int[] epochs;
    /** Learning rate per {@link TrainingStage} (by ordinal). */
    private final double[] rates;
    /** L2 weight decay added to the gradient. */
    private final double weightDecay;
    /** Clip of the global gradient norm (0 = off). */
    private final double clip;
    /** Cosine learning-rate decay to 0 over each stage. */
    private final boolean cosine;
    /** Weight of the cycle loss. */
    private final double cycleWeight;
    /** Std of the cycle perturbation, in normalised y units. */
    private final double cycleNoise;
    /** Weight of JCP in the +JCP branch (and in the S3 checkpoint score of both branches). */
    private final double jcpWeight;
    /** Samples per batch on which JCP is computed. */
    private final int jcpSamples;
    /** Rademacher probes per JCP sample. */
    private final int jcpProbes;
    /** Validation samples for RJCP. */
    private final int rjcpSamples;
    /** Probes per RJCP sample. */
    private final int rjcpProbes;
    /** Reconstruction guard of the S3 checkpoint. */
    private final double recGuard;
    /** Reconstruction on data instead of on f(x). */
    private final boolean recOnData;
    /** Jacobian composed with g's in JCP. */
    private final JcpTarget jcpTarget;
    /** Seed of everything random. */
    private final long seed;
    /** Precision of training. */
    private final DataType dtype;
    /** Threads for forward solves during data generation. */
    private final int dataThreads;
    /** Train the +JCP branch of S3. */
    private final boolean trainPlus;
    /** Train the -JCP branch of S3. */
    private final boolean trainMinus;

    /**
     * Copies a checked builder.
     * @param b the builder
     */
    private TrainingOptions(final Builder b) {
        forward = b.forward;
        reverse = b.reverse;
        xNorm = b.xNorm;
        yNorm = b.yNorm;
        samples = b.samples;
        validationSamples = b.validationSamples;
        batch = b.batch;
        epochs = b.epochs.clone();
        rates = b.rates.clone();
        weightDecay = b.weightDecay;
        clip = b.clip;
        cosine = b.cosine;
        cycleWeight = b.cycleWeight;
        cycleNoise = b.cycleNoise;
        jcpWeight = b.jcpWeight;
        jcpSamples = b.jcpSamples;
        jcpProbes = b.jcpProbes;
        rjcpSamples = b.rjcpSamples;
        rjcpProbes = b.rjcpProbes;
        recGuard = b.recGuard;
        recOnData = b.recOnData;
        jcpTarget = b.jcpTarget;
        seed = b.seed;
        dtype = b.dtype;
        dataThreads = b.dataThreads;
        trainPlus = b.trainPlus;
        trainMinus = b.trainMinus;
    }

    /**
     * Returns a builder holding the defaults.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the default options (the paper's Heat-1D protocol with the paper's Linear+LReLU f).
     * @return the defaults
     */
    public static TrainingOptions defaults() {
        return builder().build();
    }

    /**
     * Returns a builder holding these options.
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns a copy with another seed.
     * @param value the seed
     * @return the new options
     */
    public TrainingOptions withSeed(final long value) {
        return toBuilder().seed(value).build();
    }

    /**
     * Returns a copy with other epochs.
     * @param s1 S1 epochs
     * @param s2 S2 epochs
     * @param s3 S3 epochs (each branch)
     * @return the new options
     * @throws MathIllegalArgumentException on a negative count
     */
    public TrainingOptions withEpochs(final int s1, final int s2, final int s3) {
        return toBuilder().epochs(s1, s2, s3).build();
    }

    /**
     * Returns the forward surrogate's architecture f: n -&gt; m.
     * @return the architecture
     */
    public Architecture forward() {
        return forward;
    }

    /**
     * Returns the reverse map's architecture g: m -&gt; n.
     * @return the architecture
     */
    public Architecture reverse() {
        return reverse;
    }

    /**
     * Returns the normalisation of x.
     * @return the mode
     */
    public NormMode xNorm() {
        return xNorm;
    }

    /**
     * Returns the normalisation of y.
     * @return the mode
     */
    public NormMode yNorm() {
        return yNorm;
    }

    /**
     * Returns the number of training samples.
     * @return the count
     */
    public int samples() {
        return samples;
    }

    /**
     * Returns the number of validation samples.
     * @return the count
     */
    public int validationSamples() {
        return validationSamples;
    }

    /**
     * Returns the mini-batch size.
     * @return the size
     */
    public int batch() {
        return batch;
    }

    /**
     * Returns the epochs of a stage (S3: of each branch).
     * @param stage the stage
     * @return the epochs
     */
    public int epochs(final TrainingStage stage) {
        return epochs[stage.ordinal()];
    }

    /**
     * Returns the learning rate of a stage.
     * @param stage the stage
     * @return the rate
     */
    public double learningRate(final TrainingStage stage) {
        return rates[stage.ordinal()];
    }

    /**
     * Returns the L2 weight decay added to the gradient (PyTorch Adam's weight_decay).
     * @return the decay
     */
    public double weightDecay() {
        return weightDecay;
    }

    /**
     * Returns the clip of the global gradient norm.
     * @return the clip, 0 when off
     */
    public double clip() {
        return clip;
    }

    /**
     * Tells whether the learning rate decays to 0 along a cosine over each stage.
     * @return true for cosine decay, false for a constant rate
     */
    public boolean cosine() {
        return cosine;
    }

    /**
     * Returns the weight of the cycle loss {@code ||f(g(y~)) - y~||^2}.
     * @return the weight
     */
    public double cycleWeight() {
        return cycleWeight;
    }

    /**
     * Returns the std of the perturbation {@code y~ = y + sigma N(0,1)}, in normalised y units.
     * @return sigma
     */
    public double cycleNoise() {
        return cycleNoise;
    }

    /**
     * Returns the weight of JCP in the +JCP branch; the S3 checkpoint of both branches is scored with it.
     * @return the weight
     */
    public double jcpWeight() {
        return jcpWeight;
    }

    /**
     * Returns the number of samples per batch on which JCP is computed.
     * @return the count
     */
    public int jcpSamples() {
        return jcpSamples;
    }

    /**
     * Returns the number of Rademacher probes per JCP sample.
     * @return the count
     */
    public int jcpProbes() {
        return jcpProbes;
    }

    /**
     * Returns the number of validation samples for RJCP.
     * @return the count
     */
    public int rjcpSamples() {
        return rjcpSamples;
    }

    /**
     * Returns the number of probes per RJCP sample.
     * @return the count
     */
    public int rjcpProbes() {
        return rjcpProbes;
    }

    /**
     * Returns the reconstruction guard of the S3 checkpoint: epochs whose validation reconstruction exceeds this
     * factor times S2's are ranked after all others (infinite = off; the paper's Allen-Cahn demo used 1.005).
     * @return the factor
     */
    public double recGuard() {
        return recGuard;
    }

    /**
     * Tells whether the reconstruction is on data, {@code ||g(y) - x||^2}, instead of the paper's
     * {@code ||g(f(x)) - x||^2}.
     * @return true on data
     */
    public boolean recOnData() {
        return recOnData;
    }

    /**
     * Returns the Jacobian composed with g's in JCP (and the RJCP the S3 checkpoint is scored on).
     * @return the target
     */
    public JcpTarget jcpTarget() {
        return jcpTarget;
    }

    /**
     * Returns the seed of everything random (data, initialisation, shuffles, probes, noise).
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the precision of training.
     * @return the data type
     */
    public DataType dtype() {
        return dtype;
    }

    /**
     * Returns the number of threads for the forward solves of data generation.
     * @return the count
     */
    public int dataThreads() {
        return dataThreads;
    }

    /**
     * Tells whether an S3 branch is trained.
     * @param branch the branch
     * @return true when trained
     */
    public boolean trains(final Branch branch) {
        return branch.withJcp() ? trainPlus : trainMinus;
    }

    /**
     * Lists every value, in a fixed order (equality, hashing, printing).
     * @return the values
     */
    private List<Object> values() {
        return List.of(forward, reverse, xNorm, yNorm, samples, validationSamples, batch, Arrays.toString(epochs),
                       Arrays.toString(rates), weightDecay, clip, cosine, cycleWeight, cycleNoise, jcpWeight,
                       jcpSamples, jcpProbes, rjcpSamples, rjcpProbes, recGuard, recOnData, jcpTarget, seed, dtype,
                       dataThreads, trainPlus, trainMinus);
    }

    /**
     * Compares all values.
     * @param other the other object
     * @return true when all values are equal
     */
    @Override
    public boolean equals(final Object other) {
        return other instanceof TrainingOptions o && values().equals(o.values());
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return values().hashCode();
    }

    /**
     * Returns every value on one line.
     * @return the summary
     */
    @Override
    public String toString() {
        return "TrainingOptions(f=" + forward + ", g=" + reverse + ", norm=" + xNorm + "/" + yNorm + ", data="
               + samples + "/" + validationSamples + "/" + batch + ", epochs=" + epochs[0] + "/" + epochs[1] + "/"
               + epochs[2] + ", lr=" + rates[0] + "/" + rates[1] + "/" + rates[2] + ", weightDecay=" + weightDecay
               + ", clip=" + clip + ", cosine=" + cosine + ", losses=" + cycleWeight + "/" + cycleNoise + "/"
               + jcpWeight + ", jcp=" + jcpSamples + "x" + jcpProbes + ", rjcp=" + rjcpSamples + "x" + rjcpProbes
               + ", target=" + jcpTarget + ", recGuard=" + recGuard + ", recOnData=" + recOnData + ", seed=" + seed
               + ", dtype=" + dtype + ", dataThreads=" + dataThreads + ", branches=" + trainPlus + "/" + trainMinus
               + ")";
    }

    /** Mutable builder of {@link TrainingOptions}; {@link #build()} checks the values. */
    public static final class Builder {

        /** Forward architecture. */
        private Architecture forward = new Architecture.Mlp(new int[0], true, false);
        /** Reverse architecture. */
        private Architecture reverse = new Architecture.Mlp(new int[] {128}, false, false);
        /** Normalisation of x. */
        private NormMode xNorm = NormMode.PER_COMPONENT;
        /** Normalisation of y. */
        private NormMode yNorm = NormMode.PER_COMPONENT;
        /** Training samples. */
        private int samples = 4000;
        /** Validation samples. */
        private int validationSamples = 500;
        /** Batch size. */
        private int batch = 128;
        /** Epochs of S1, S2, S3. */
        private final int[] epochs = {140, 100, 120};
        /** Learning rates of S1, S2, S3. */
        private final double[] rates = {2e-3, 2e-3, 1e-3};
        /** Weight decay. */
        private double weightDecay = 1e-6;
        /** Gradient clip. */
        private double clip = 5.0;
        /** Cosine decay. */
        private boolean cosine;
        /** Cycle weight. */
        private double cycleWeight = 0.25;
        /** Cycle noise. */
        private double cycleNoise = 0.02;
        /** JCP weight. */
        private double jcpWeight = 1.0;
        /** JCP samples per batch. */
        private int jcpSamples = 16;
        /** JCP probes. */
        private int jcpProbes = 2;
        /** RJCP samples. */
        private int rjcpSamples = 64;
        /** RJCP probes. */
        private int rjcpProbes = 4;
        /** Reconstruction guard. */
        private double recGuard = Double.POSITIVE_INFINITY;
        /** Reconstruction on data. */
        private boolean recOnData = true;
        /** JCP target. */
        private JcpTarget jcpTarget = JcpTarget.SURROGATE;
        /** Seed. */
        private long seed = 7;
        /** Precision. */
        private DataType dtype = DataType.FLOAT;
        /** Data threads. */
        private int dataThreads = 2;
        /** Train +JCP. */
        private boolean trainPlus = true;
        /** Train -JCP. */
        private boolean trainMinus = true;

        /** Creates a builder with the defaults. */
        private Builder() {
        }

        /**
         * Creates a builder holding options.
         * @param o the options
         */
        private Builder(final TrainingOptions o) {
            forward = o.forward;
            reverse = o.reverse;
            xNorm = o.xNorm;
            yNorm = o.yNorm;
            samples = o.samples;
            validationSamples = o.validationSamples;
            batch = o.batch;
            System.arraycopy(o.epochs, 0, epochs, 0, epochs.length);
            System.arraycopy(o.rates, 0, rates, 0, rates.length);
            weightDecay = o.weightDecay;
            clip = o.clip;
            cosine = o.cosine;
            cycleWeight = o.cycleWeight;
            cycleNoise = o.cycleNoise;
            jcpWeight = o.jcpWeight;
            jcpSamples = o.jcpSamples;
            jcpProbes = o.jcpProbes;
            rjcpSamples = o.rjcpSamples;
            rjcpProbes = o.rjcpProbes;
            recGuard = o.recGuard;
            recOnData = o.recOnData;
            jcpTarget = o.jcpTarget;
            seed = o.seed;
            dtype = o.dtype;
            dataThreads = o.dataThreads;
            trainPlus = o.trainPlus;
            trainMinus = o.trainMinus;
        }

        /**
         * Sets both architectures.
         * @param f forward surrogate f: n -&gt; m
         * @param g reverse map g: m -&gt; n
         * @return this builder
         */
        public Builder architectures(final Architecture f, final Architecture g) {
            return forward(f).reverse(g);
        }

        /**
         * Sets the forward surrogate's architecture.
         * @param value f: n -&gt; m (not null)
         * @return this builder
         */
        public Builder forward(final Architecture value) {
            forward = Objects.requireNonNull(value, "forward");
            return this;
        }

        /**
         * Sets the reverse map's architecture.
         * @param value g: m -&gt; n (not null)
         * @return this builder
         */
        public Builder reverse(final Architecture value) {
            reverse = Objects.requireNonNull(value, "reverse");
            return this;
        }

        /**
         * Sets the normalisation modes.
         * @param x of x (not null)
         * @param y of y (not null)
         * @return this builder
         */
        public Builder norms(final NormMode x, final NormMode y) {
            xNorm = Objects.requireNonNull(x, "xNorm");
            yNorm = Objects.requireNonNull(y, "yNorm");
            return this;
        }

        /**
         * Sets the data sizes.
         * @param train training samples (&gt; 0)
         * @param validation validation samples (&gt; 0)
         * @param batchSize mini-batch size (&gt; 0)
         * @return this builder
         */
        public Builder data(final int train, final int validation, final int batchSize) {
            return samples(train, validation).batch(batchSize);
        }

        /**
         * Sets the numbers of samples.
         * @param train training samples (&gt; 0)
         * @param validation validation samples (&gt; 0)
         * @return this builder
         */
        public Builder samples(final int train, final int validation) {
            samples = train;
            validationSamples = validation;
            return this;
        }

        /**
         * Sets the mini-batch size.
         * @param value the size (&gt; 0)
         * @return this builder
         */
        public Builder batch(final int value) {
            batch = value;
            return this;
        }

        /**
         * Sets the epochs of the three stages.
         * @param s1 S1 epochs (&gt;= 0)
         * @param s2 S2 epochs (&gt;= 0)
         * @param s3 S3 epochs of each branch (&gt;= 0)
         * @return this builder
         */
        public Builder epochs(final int s1, final int s2, final int s3) {
            epochs[0] = s1;
            epochs[1] = s2;
            epochs[2] = s3;
            return this;
        }

        /**
         * Sets the epochs of one stage.
         * @param stage the stage
         * @param value the epochs (&gt;= 0)
         * @return this builder
         */
        public Builder epochs(final TrainingStage stage, final int value) {
            epochs[stage.ordinal()] = value;
            return this;
        }

        /**
         * Sets the learning rates of the three stages.
         * @param s1 S1 rate (&gt; 0)
         * @param s2 S2 rate (&gt; 0)
         * @param s3 S3 rate (&gt; 0)
         * @return this builder
         */
        public Builder rates(final double s1, final double s2, final double s3) {
            rates[0] = s1;
            rates[1] = s2;
            rates[2] = s3;
            return this;
        }

        /**
         * Sets the optimiser's regularisation.
         * @param decay L2 weight decay (&gt;= 0)
         * @param gradientClip clip of the global gradient norm (&gt;= 0, 0 = off)
         * @return this builder
         */
        public Builder regularisation(final double decay, final double gradientClip) {
            weightDecay = decay;
            clip = gradientClip;
            return this;
        }

        /**
         * Sets the learning-rate schedule.
         * @param value true for cosine decay to 0 over each stage, false for a constant rate
         * @return this builder
         */
        public Builder cosine(final boolean value) {
            cosine = value;
            return this;
        }

        /**
         * Sets the S2/S3 loss weights.
         * @param cycle cycle weight (&gt;= 0)
         * @param noise cycle perturbation std (&gt;= 0)
         * @param jcp JCP weight (&gt;= 0)
         * @return this builder
         */
        public Builder losses(final double cycle, final double noise, final double jcp) {
            cycleWeight = cycle;
            cycleNoise = noise;
            jcpWeight = jcp;
            return this;
        }

        /**
         * Sets the JCP and RJCP sampling.
         * @param samplesPerBatch JCP samples per batch (&gt; 0)
         * @param probes JCP probes (&gt; 0)
         * @param validationSamplesRjcp RJCP validation samples (&gt; 0)
         * @param validationProbes RJCP probes (&gt; 0)
         * @return this builder
         */
        public Builder jcpSampling(final int samplesPerBatch, final int probes, final int validationSamplesRjcp,
                                   final int validationProbes) {
            jcpSamples = samplesPerBatch;
            jcpProbes = probes;
            rjcpSamples = validationSamplesRjcp;
            rjcpProbes = validationProbes;
            return this;
        }

        /**
         * Sets the Jacobian composed with g's in JCP.
         * @param value the target (not null)
         * @return this builder
         */
        public Builder jcpTarget(final JcpTarget value) {
            jcpTarget = Objects.requireNonNull(value, "jcpTarget");
            return this;
        }

        /**
         * Sets the reconstruction guard of the S3 checkpoint.
         * @param value the factor (&gt; 0, infinite = off)
         * @return this builder
         */
        public Builder recGuard(final double value) {
            recGuard = value;
            return this;
        }

        /**
         * Sets where the reconstruction loss applies g.
         * @param value true for g(y) (data), false for g(f(x)) (the paper)
         * @return this builder
         */
        public Builder recOnData(final boolean value) {
            recOnData = value;
            return this;
        }

        /**
         * Sets the seed.
         * @param value the seed
         * @return this builder
         */
        public Builder seed(final long value) {
            seed = value;
            return this;
        }

        /**
         * Sets the precision of training.
         * @param value the data type (not null)
         * @return this builder
         */
        public Builder dtype(final DataType value) {
            dtype = Objects.requireNonNull(value, "dtype");
            return this;
        }

        /**
         * Sets the number of threads of the forward solves in data generation.
         * @param value the count (&gt; 0)
         * @return this builder
         */
        public Builder dataThreads(final int value) {
            dataThreads = value;
            return this;
        }

        /**
         * Sets which S3 branches are trained.
         * @param plus train the +JCP branch (the model)
         * @param minus train the -JCP branch (the ablation)
         * @return this builder
         */
        public Builder branches(final boolean plus, final boolean minus) {
            trainPlus = plus;
            trainMinus = minus;
            return this;
        }

        /**
         * Checks the values and builds the options.
         * @return the options
         * @throws MathIllegalArgumentException ({@link TrainerFormats#INVALID_OPTION}) naming the first invalid
         * option
         */
        public TrainingOptions build() {
            positive("samples", samples);
            positive("validationSamples", validationSamples);
            positive("batch", batch);
            for (final TrainingStage stage : TrainingStage.values()) {
                final int e = epochs[stage.ordinal()];
                check(e >= 0, "epochs of " + stage, e, ">= 0");
                final double lr = rates[stage.ordinal()];
                check(lr > 0 && lr < Double.POSITIVE_INFINITY, "learning rate of " + stage, lr, "finite and > 0");
            }
            nonNegative("weightDecay", weightDecay);
            nonNegative("clip", clip);
            nonNegative("cycleWeight", cycleWeight);
            nonNegative("cycleNoise", cycleNoise);
            nonNegative("jcpWeight", jcpWeight);
            positive("jcpSamples", jcpSamples);
            positive("jcpProbes", jcpProbes);
            positive("rjcpSamples", rjcpSamples);
            positive("rjcpProbes", rjcpProbes);
            check(recGuard > 0, "recGuard", recGuard, "> 0 (infinite = off)");
            positive("dataThreads", dataThreads);
            return new TrainingOptions(this);
        }

        /**
         * Checks a positive count.
         * @param name option name
         * @param value the count
         */
        private static void positive(final String name, final int value) {
            check(value > 0, name, value, "> 0");
        }

        /**
         * Checks a finite non-negative value.
         * @param name option name
         * @param value the value
         */
        private static void nonNegative(final String name, final double value) {
            check(value >= 0 && value < Double.POSITIVE_INFINITY, name, value, "finite and >= 0");
        }

        /**
         * Throws when a condition does not hold.
         * @param ok the condition
         * @param name option name
         * @param value the value (for the message)
         * @param expected what was expected (for the message)
         */
        private static void check(final boolean ok, final String name, final Object value, final String expected) {
            if (!ok) {
                throw new MathIllegalArgumentException(TrainerFormats.INVALID_OPTION, name, value, expected);
            }
        }
    }
}
