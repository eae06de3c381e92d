package org.deceptron.bench;

import org.deceptron.dipg.spi.ForwardingLinearization;
import org.deceptron.dipg.spi.Linearization;
import org.hipparchus.linear.RealMatrix;

/**
 * A {@link Linearization} that counts its products into a {@link SolveCounter}: one tangent solve per
 * {@link #jvp(double[])}, one adjoint solve per {@link #vjp(double[])}, and min(n, m) per {@link #jacobian()} (m
 * adjoint solves when m &lt; n, else n tangent solves; see {@link SolveCounts}). A call is counted once it returns.
 * Not thread safe (its counter is not).
 */
final class CountingLinearization extends ForwardingLinearization {

    /** The tally. */
    private final SolveCounter counter;

    /** Number of unknowns n. */
    private final int n;

    /** Number of observations m. */
    private final int m;

    /**
     * Wraps a linearization.
     * @param delegate the linearization (not null)
     * @param counter the tally
     * @param n number of unknowns
     * @param m number of observations
     */
    CountingLinearization(final Linearization delegate, final SolveCounter counter, final int n, final int m) {
        super(delegate);
        this.counter = counter;
        this.n = n;
        this.m = m;
    }

    /** {@inheritDoc} */
    @Override
    public double[] jvp(final double[] v) {
        final double[] jv = super.jvp(v);
        counter.tangentSolves(1);
        return jv;
    }

    /** {@inheritDoc} */
    @Override
    public double[] vjp(final double[] w) {
        final double[] jw = super.vjp(w);
        counter.adjointSolves(1);
        return jw;
    }

    /** {@inheritDoc} */
    @Override
    public RealMatrix jacobian() {
        final RealMatrix j = super.jacobian();
        if (m < n) {
            counter.adjointSolves(m);
        } else {
            counter.tangentSolves(n);
        }
        return j;
    }
}
