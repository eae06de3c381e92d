package org.deceptron.pde;

import java.util.Arrays;
import java.util.function.Function;

import org.deceptron.dipg.spi.InstanceProtocol;
import org.hipparchus.random.RandomGenerator;

/**
 * The instance protocol of a PDE family: its prior sampler, Gaussian observation noise, the common start (one
 * value for every unknown), the default tolerance {@link InstanceProtocol#DEFAULT_TOLERANCE} and, where the family
 * defines success in x, an x-RMSE bound. Immutable.
 */
public final class PdeProtocol implements InstanceProtocol {

    /** Prior sampler. */
    private final Function<RandomGenerator, double[]> prior;

    /** Noise standard deviation. */
    private final double noise;

    /** Start point. */
    private final double[] start;

    /** x-RMSE bound or NaN. */
    private final double xRmse;

    /**
     * Creates a protocol whose success is the residual tolerance alone.
     * @param n number of unknowns
     * @param noise observation noise standard deviation
     * @param start start value of every unknown (inside the box)
     * @param prior the prior sampler (thread safe; returns new arrays of length n inside the box)
     */
    public PdeProtocol(final int n, final double noise, final double start,
                       final Function<RandomGenerator, double[]> prior) {
        this(n, noise, start, Double.NaN, prior);
    }

    /**
     * Creates a protocol.
     * @param n number of unknowns
     * @param noise observation noise standard deviation
     * @param start start value of every unknown (inside the box)
     * @param xRmse x-RMSE bound a success must also meet, or NaN
     * @param prior the prior sampler (thread safe; returns new arrays of length n inside the box)
     */
    public PdeProtocol(final int n, final double noise, final double start, final double xRmse,
                       final Function<RandomGenerator, double[]> prior) {
        this.prior = prior;
        this.noise = noise;
        this.start = new double[n];
        Arrays.fill(this.start, start);
        this.xRmse = xRmse;
    }

    /** {@inheritDoc} */
    @Override
    public double[] samplePrior(final RandomGenerator random) {
        return prior.apply(random);
    }

    /** {@inheritDoc} */
    @Override
    public double noiseLevel() {
        return noise;
    }

    /** {@inheritDoc} */
    @Override
    public double successXRmse() {
        return xRmse;
    }

    /** {@inheritDoc} */
    @Override
    public double[] defaultStart() {
        return start.clone();
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "PdeProtocol[noise=" + noise + ", tol=" + tolerance() + ", start=" + start[0]
                + (Double.isNaN(xRmse) ? "" : ", xRmse<=" + xRmse) + "]";
    }
}
