package org.deceptron.dipg.spi;

import java.util.Arrays;

/**
 * One noisy instance of a {@link ForwardFamily}: the true unknowns drawn from the prior and the observations
 * y* = F(x_true) + noise. Immutable: the accessors return copies.
 */
public final class Instance {

    /** True unknowns. */
    private final double[] truth;

    /** Observations. */
    private final double[] observed;

    /**
     * Creates an instance.
     * @param truth the true unknowns (copied)
     * @param observed the observations (copied)
     */
    public Instance(final double[] truth, final double[] observed) {
        this.truth = truth.clone();
        this.observed = observed.clone();
    }

    /**
     * Returns the true unknowns.
     * @return a copy of x_true
     */
    public double[] truth() {
        return truth.clone();
    }

    /**
     * Returns the observations.
     * @return a copy of y*
     */
    public double[] observed() {
        return observed.clone();
    }

    /**
     * Returns the RMS error of a point against the true unknowns.
     * @param x a point of the same length
     * @return sqrt(mean((x - x_true)^2))
     */
    public double xRmse(final double[] x) {
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            final double d = x[i] - truth[i];
            s += d * d;
        }
        return Math.sqrt(s / truth.length);
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "Instance[n=" + truth.length + ", m=" + observed.length + ", y*[0..2]="
                + Arrays.toString(Arrays.copyOf(observed, Math.min(3, observed.length))) + "]";
    }
}
