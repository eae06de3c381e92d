package org.deceptron.trainer;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Everything that determines a training run besides the family: the networks, the data, the optimiser's schedule,
 * the reverse objective, the JCP sampling, the seed, the precision and the S3 branches to train.
 * <p>
 * Immutable; each group checks its values when created and throws a {@link MathIllegalArgumentException}
 * ({@link TrainerFormats#INVALID_OPTION}) naming the offending option. Build with {@link #builder()} (defaults: the
 * paper's Heat-1D protocol, arXiv 2605.13068) or change a copy with {@link #toBuilder()}.
 * </p>
 * @param networks architectures of f and g and the normalisations
 * @param data samples, batch and data-generation threads
 * @param optimizer per-stage epochs and learning rates, weight decay, clipping, cosine decay
 * @param loss weights of the reverse objective and the S3 checkpoint's guard
 * @param jcp JCP target and the samples and probes of JCP and RJCP
 * @param seed seed of everything random (data, initialisation, shuffles, probes, noise)
 * @param dtype precision of training
 * @param branches the S3 branches trained (copied)
 */
public record TrainingOptions(NetworkSettings networks, DataSettings data, OptimizerSettings optimizer,
                              ReverseLoss loss, JcpSampling jcp, long seed, DataType dtype, Set<Branch> branches) {

    /**
     * Checks that no group is missing and copies the branches.
     * @throws NullPointerException on a null value
     */
    public TrainingOptions {
        Objects.requireNonNull(networks, "networks");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(jcp, "jcp");
        Objects.requireNonNull(dtype, "dtype");
        branches = Set.copyOf(branches);
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
     * Returns the schedule of a stage (S3: of each branch).
     * @param stage the stage
     * @return its epochs and learning rate
     */
    public StageSchedule schedule(final TrainingStage stage) {
        return optimizer.stage(stage);
    }

    /**
     * Tells whether an S3 branch is trained.
     * @param branch the branch
     * @return true when trained
     */
    public boolean trains(final Branch branch) {
        return branches.contains(branch);
    }

    /**
     * Returns every value on one line.
     * @return the summary
     */
    @Override
    public String toString() {
        final StageSchedule[] s = {optimizer.s1(), optimizer.s2(), optimizer.s3()};
        return "TrainingOptions(f=" + networks.forward() + ", g=" + networks.reverse() + ", norm=" + networks.xNorm()
               + "/" + networks.yNorm() + ", data=" + data.samples() + "/" + data.validationSamples() + "/"
               + data.batch() + ", epochs=" + s[0].epochs() + "/" + s[1].epochs() + "/" + s[2].epochs() + ", lr="
               + s[0].learningRate() + "/" + s[1].learningRate() + "/" + s[2].learningRate() + ", weightDecay="
               + optimizer.weightDecay() + ", clip=" + optimizer.clip() + ", cosine=" + optimizer.cosine()
               + ", losses=" + loss.cycleWeight() + "/" + loss.cycleNoise() + "/" + loss.jcpWeight() + ", jcp="
               + jcp.samples() + "x" + jcp.probes() + ", rjcp=" + jcp.rjcpSamples() + "x" + jcp.rjcpProbes()
               + ", target=" + jcp.target() + ", recGuard=" + loss.recGuard() + ", recOnData=" + loss.recOnData()
               + ", seed=" + seed + ", dtype=" + dtype + ", dataThreads=" + data.threads() + ", branches="
               + trains(Branch.PLUS_JCP) + "/" + trains(Branch.MINUS_JCP) + ")";
    }

    /**
     * Mutable builder of {@link TrainingOptions}: setters of whole groups, and convenience setters of a few values
     * of one group (the presets' one-line chains). Every setter checks its values (the group's checks) and throws
     * a {@link MathIllegalArgumentException} ({@link TrainerFormats#INVALID_OPTION}) naming the offending option.
     */
    public static final class Builder {

        /** Networks: the paper's Heat-1D f (Linear + LReLU) and g (one hidden layer of 128). */
        private NetworkSettings networks =
            new NetworkSettings(new Architecture.Mlp(new int[0], true, false),
                                new Architecture.Mlp(new int[] {128}, false, false),
                                NormMode.PER_COMPONENT, NormMode.PER_COMPONENT);
        /** Data. */
        private DataSettings data = new DataSettings(4000, 500, 128, 2);
        /** Optimiser. */
        private OptimizerSettings optimizer =
            new OptimizerSettings(new StageSchedule(TrainingStage.S1, 140, 2e-3),
                                  new StageSchedule(TrainingStage.S2, 100, 2e-3),
                                  new StageSchedule(TrainingStage.S3, 120, 1e-3), 1e-6, 5.0, false);
        /** Reverse objective. */
        private ReverseLoss loss = new ReverseLoss(0.25, 0.02, 1.0, true, Double.POSITIVE_INFINITY);
        /** JCP sampling. */
        private JcpSampling jcp = new JcpSampling(16, 2, 64, 4, JcpTarget.SURROGATE);
        /** Seed. */
        private long seed = 7;
        /** Precision. */
        private DataType dtype = DataType.FLOAT;
        /** Trained branches. */
        private Set<Branch> branches = EnumSet.allOf(Branch.class);

        /** Creates a builder with the defaults. */
        private Builder() {
        }

        /**
         * Creates a builder holding options.
         * @param o the options
         */
        private Builder(final TrainingOptions o) {
            networks = o.networks;
            data = o.data;
            optimizer = o.optimizer;
            loss = o.loss;
            jcp = o.jcp;
            seed = o.seed;
            dtype = o.dtype;
            branches = o.branches;
        }

        /**
         * Sets the networks and normalisations.
         * @param value the settings (not null)
         * @return this builder
         */
        public Builder networks(final NetworkSettings value) {
            networks = Objects.requireNonNull(value, "networks");
            return this;
        }

        /**
         * Sets both architectures.
         * @param f forward surrogate f: n -&gt; m (not null)
         * @param g reverse map g: m -&gt; n (not null)
         * @return this builder
         */
        public Builder architectures(final Architecture f, final Architecture g) {
            return networks(new NetworkSettings(f, g, networks.xNorm(), networks.yNorm()));
        }

        /**
         * Sets the normalisation modes.
         * @param x of x (not null)
         * @param y of y (not null)
         * @return this builder
         */
        public Builder norms(final NormMode x, final NormMode y) {
            return networks(new NetworkSettings(networks.forward(), networks.reverse(), x, y));
        }

        /**
         * Sets the data settings.
         * @param value the settings (not null)
         * @return this builder
         */
        public Builder data(final DataSettings value) {
            data = Objects.requireNonNull(value, "data");
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
            return data(new DataSettings(train, validation, batchSize, data.threads()));
        }

        /**
         * Sets the numbers of samples.
         * @param train training samples (&gt; 0)
         * @param validation validation samples (&gt; 0)
         * @return this builder
         */
        public Builder samples(final int train, final int validation) {
            return data(train, validation, data.batch());
        }

        /**
         * Sets the mini-batch size.
         * @param value the size (&gt; 0)
         * @return this builder
         */
        public Builder batch(final int value) {
            return data(data.samples(), data.validationSamples(), value);
        }

        /**
         * Sets the number of threads of the forward solves in data generation.
         * @param value the count (&gt; 0)
         * @return this builder
         */
        public Builder dataThreads(final int value) {
            return data(new DataSettings(data.samples(), data.validationSamples(), data.batch(), value));
        }

        /**
         * Sets the optimiser settings.
         * @param value the settings (not null)
         * @return this builder
         */
        public Builder optimizer(final OptimizerSettings value) {
            optimizer = Objects.requireNonNull(value, "optimizer");
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
            return epochs(TrainingStage.S1, s1).epochs(TrainingStage.S2, s2).epochs(TrainingStage.S3, s3);
        }

        /**
         * Sets the epochs of one stage.
         * @param stage the stage
         * @param value the epochs (&gt;= 0)
         * @return this builder
         */
        public Builder epochs(final TrainingStage stage, final int value) {
            return optimizer(optimizer.with(new StageSchedule(stage, value, optimizer.stage(stage).learningRate())));
        }

        /**
         * Sets the learning rates of the three stages.
         * @param s1 S1 rate (finite, &gt; 0)
         * @param s2 S2 rate (finite, &gt; 0)
         * @param s3 S3 rate (finite, &gt; 0)
         * @return this builder
         */
        public Builder rates(final double s1, final double s2, final double s3) {
            final double[] rates = {s1, s2, s3};
            for (final TrainingStage stage : TrainingStage.values()) {
                optimizer = optimizer.with(new StageSchedule(stage, optimizer.stage(stage).epochs(),
                                                             rates[stage.ordinal()]));
            }
            return this;
        }

        /**
         * Sets the optimiser's regularisation.
         * @param decay L2 weight decay (finite, &gt;= 0)
         * @param gradientClip clip of the global gradient norm (finite, &gt;= 0, 0 = off)
         * @return this builder
         */
        public Builder regularisation(final double decay, final double gradientClip) {
            return optimizer(new OptimizerSettings(optimizer.s1(), optimizer.s2(), optimizer.s3(), decay,
                                                   gradientClip, optimizer.cosine()));
        }

        /**
         * Sets the learning-rate schedule.
         * @param value true for cosine decay to 0 over each stage, false for a constant rate
         * @return this builder
         */
        public Builder cosine(final boolean value) {
            return optimizer(new OptimizerSettings(optimizer.s1(), optimizer.s2(), optimizer.s3(),
                                                   optimizer.weightDecay(), optimizer.clip(), value));
        }

        /**
         * Sets the reverse objective.
         * @param value the settings (not null)
         * @return this builder
         */
        public Builder loss(final ReverseLoss value) {
            loss = Objects.requireNonNull(value, "loss");
            return this;
        }

        /**
         * Sets the S2/S3 loss weights.
         * @param cycle cycle weight (finite, &gt;= 0)
         * @param noise cycle perturbation std (finite, &gt;= 0)
         * @param jcpWeight JCP weight (finite, &gt;= 0)
         * @return this builder
         */
        public Builder losses(final double cycle, final double noise, final double jcpWeight) {
            return loss(new ReverseLoss(cycle, noise, jcpWeight, loss.recOnData(), loss.recGuard()));
        }

        /**
         * Sets the reconstruction guard of the S3 checkpoint.
         * @param value the factor (&gt; 0, infinite = off)
         * @return this builder
         */
        public Builder recGuard(final double value) {
            return loss(new ReverseLoss(loss.cycleWeight(), loss.cycleNoise(), loss.jcpWeight(), loss.recOnData(),
                                        value));
        }

        /**
         * Sets where the reconstruction loss applies g.
         * @param value true for g(y) (data), false for g(f(x)) (the paper)
         * @return this builder
         */
        public Builder recOnData(final boolean value) {
            return loss(new ReverseLoss(loss.cycleWeight(), loss.cycleNoise(), loss.jcpWeight(), value,
                                        loss.recGuard()));
        }

        /**
         * Sets the JCP sampling and target.
         * @param value the settings (not null)
         * @return this builder
         */
        public Builder jcp(final JcpSampling value) {
            jcp = Objects.requireNonNull(value, "jcp");
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
            return jcp(new JcpSampling(samplesPerBatch, probes, validationSamplesRjcp, validationProbes,
                                       jcp.target()));
        }

        /**
         * Sets the Jacobian composed with g's in JCP.
         * @param value the target (not null)
         * @return this builder
         */
        public Builder jcpTarget(final JcpTarget value) {
            return jcp(new JcpSampling(jcp.samples(), jcp.probes(), jcp.rjcpSamples(), jcp.rjcpProbes(), value));
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
         * Sets which S3 branches are trained.
         * @param plus train the +JCP branch (the model)
         * @param minus train the -JCP branch (the ablation)
         * @return this builder
         */
        public Builder branches(final boolean plus, final boolean minus) {
            final Set<Branch> b = EnumSet.noneOf(Branch.class);
            if (plus) {
                b.add(Branch.PLUS_JCP);
            }
            if (minus) {
                b.add(Branch.MINUS_JCP);
            }
            branches = b;
            return this;
        }

        /**
         * Builds the options (the values were checked when set).
         * @return the options
         */
        public TrainingOptions build() {
            return new TrainingOptions(networks, data, optimizer, loss, jcp, seed, dtype, branches);
        }
    }
}
