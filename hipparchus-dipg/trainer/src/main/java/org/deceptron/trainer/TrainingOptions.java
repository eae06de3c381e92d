package org.deceptron.trainer;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * Everything that determines a training run besides the family: architectures, data sizes, the three stages'
 * epochs and learning rates, loss weights, JCP/RJCP sampling, checkpoint selection, seed and precision.
 * A plain mutable holder with fluent setters; {@link #copy()} before changing a shared instance.
 * Defaults follow the paper's Heat-1D/Heat-3D protocol (paper-probe section 2).
 */
public final class TrainingOptions implements Cloneable {

    /** Forward surrogate architecture f: n -> m. */
    public Architecture forward = new Architecture.Mlp(new int[0], true, false);
    /** Reverse map architecture g: m -> n. */
    public Architecture reverse = new Architecture.Mlp(new int[] {128}, false, false);
    /** Normalisation of x. */
    public NormMode xNorm = NormMode.PER_COMPONENT;
    /** Normalisation of y. */
    public NormMode yNorm = NormMode.PER_COMPONENT;
    /** Training samples. */
    public int samples = 4000;
    /** Validation samples. */
    public int valSamples = 500;
    /** Mini-batch size. */
    public int batch = 128;
    /** Epochs of S1 (forward fit). */
    public int epochs1 = 140;
    /** Epochs of S2 (reverse: reconstruction + cycle). */
    public int epochs2 = 100;
    /** Epochs of S3 (reverse fine-tuning, +JCP and -JCP each). */
    public int epochs3 = 120;
    /** Learning rate of S1. */
    public double lr1 = 2e-3;
    /** Learning rate of S2. */
    public double lr2 = 2e-3;
    /** Learning rate of S3. */
    public double lr3 = 1e-3;
    /** L2 weight decay added to the gradient (PyTorch Adam's weight_decay). */
    public double weightDecay = 1e-6;
    /** Clip of the global gradient norm (0 = off). */
    public double clip = 5.0;
    /** Cosine learning-rate decay to 0 over each stage. */
    public boolean cosine = false;
    /** Weight of the cycle loss ||f(g(y~)) - y~||^2. */
    public double cycleWeight = 0.25;
    /** Std of the perturbation y~ = y + sigma N(0,1), in normalised y units. */
    public double cycleNoise = 0.02;
    /** Weight of JCP in S3 (+JCP branch). */
    public double jcpWeight = 1.0;
    /** Samples per batch on which JCP is computed. */
    public int jcpSamples = 16;
    /** Rademacher probes per JCP sample. */
    public int jcpProbes = 2;
    /** Validation samples for RJCP. */
    public int rjcpSamples = 64;
    /** Probes per RJCP sample. */
    public int rjcpProbes = 4;
    /**
     * Reconstruction guard of the S3 checkpoint: epochs whose val reconstruction exceeds this factor times S2's rank
     * after all others (infinite = off; the paper's Allen-Cahn demo used 1.005).
     */
    public double recGuard = Double.POSITIVE_INFINITY;
    /** Reconstruction on data, ||g(y) - x||^2, instead of the paper's ||g(f(x)) - x||^2. */
    public boolean recOnData = true;
    /** Jacobian composed with g's in JCP. */
    public JcpTarget jcpTarget = JcpTarget.SURROGATE;
    /** Seed of everything random (data, init, shuffles, probes, noise). */
    public long seed = 7;
    /** Precision of training. */
    public DataType dtype = DataType.FLOAT;
    /** Threads for forward solves during data generation. */
    public int dataThreads = 2;
    /** Train the +JCP branch of S3. */
    public boolean trainPlus = true;
    /** Train the -JCP branch of S3. */
    public boolean trainMinus = true;

    /**
     * Returns a copy.
     * @return a copy
     */
    public TrainingOptions copy() {
        try {
            return (TrainingOptions) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets the epochs of the three stages.
     * @param s1 S1 epochs
     * @param s2 S2 epochs
     * @param s3 S3 epochs
     * @return this
     */
    public TrainingOptions epochs(final int s1, final int s2, final int s3) {
        this.epochs1 = s1;
        this.epochs2 = s2;
        this.epochs3 = s3;
        return this;
    }

    /**
     * Sets the learning rates of the three stages.
     * @param s1 S1 rate
     * @param s2 S2 rate
     * @param s3 S3 rate
     * @return this
     */
    public TrainingOptions rates(final double s1, final double s2, final double s3) {
        this.lr1 = s1;
        this.lr2 = s2;
        this.lr3 = s3;
        return this;
    }

    /**
     * Sets the architectures.
     * @param f forward
     * @param g reverse
     * @return this
     */
    public TrainingOptions architectures(final Architecture f, final Architecture g) {
        this.forward = f;
        this.reverse = g;
        return this;
    }

    /**
     * Sets the data sizes.
     * @param train training samples
     * @param val validation samples
     * @param batchSize batch size
     * @return this
     */
    public TrainingOptions data(final int train, final int val, final int batchSize) {
        this.samples = train;
        this.valSamples = val;
        this.batch = batchSize;
        return this;
    }

    /**
     * Sets the S2/S3 loss weights.
     * @param cycle cycle weight
     * @param noise cycle perturbation std
     * @param jcp JCP weight
     * @return this
     */
    public TrainingOptions losses(final double cycle, final double noise, final double jcp) {
        this.cycleWeight = cycle;
        this.cycleNoise = noise;
        this.jcpWeight = jcp;
        return this;
    }

    /**
     * Sets the JCP and RJCP sampling.
     * @param samplesPerBatch JCP samples per batch
     * @param probes JCP probes
     * @param valSamplesRjcp RJCP validation samples
     * @param valProbes RJCP probes
     * @return this
     */
    public TrainingOptions jcpSampling(final int samplesPerBatch, final int probes, final int valSamplesRjcp,
                                       final int valProbes) {
        this.jcpSamples = samplesPerBatch;
        this.jcpProbes = probes;
        this.rjcpSamples = valSamplesRjcp;
        this.rjcpProbes = valProbes;
        return this;
    }

    /**
     * Sets the normalisation modes.
     * @param x of x
     * @param y of y
     * @return this
     */
    public TrainingOptions norms(final NormMode x, final NormMode y) {
        this.xNorm = x;
        this.yNorm = y;
        return this;
    }

    /**
     * Sets the seed.
     * @param s seed
     * @return this
     */
    public TrainingOptions seed(final long s) {
        this.seed = s;
        return this;
    }

    /**
     * Checks the options.
     * @throws IllegalArgumentException with the offending option
     */
    public void validate() {
        positive("samples", samples);
        positive("valSamples", valSamples);
        positive("batch", batch);
        if (epochs1 < 0 || epochs2 < 0 || epochs3 < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, got " + epochs1 + "," + epochs2 + "," + epochs3);
        }
        positive("jcpSamples", jcpSamples);
        positive("jcpProbes", jcpProbes);
        positive("rjcpSamples", rjcpSamples);
        positive("rjcpProbes", rjcpProbes);
        if (!(lr1 > 0 && lr2 > 0 && lr3 > 0)) {
            throw new IllegalArgumentException("learning rates must be positive");
        }
    }

    private static void positive(final String name, final int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }
}
