package org.deceptron.bench;

import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.ForwardingModel;
import org.deceptron.dipg.spi.Linearization;

/**
 * A {@link ForwardModel} that counts what a solve asks of it into a {@link SolveCounter}: one forward solve per
 * {@link #value(double[])} (finite-difference Jacobians of problems built on it included), one linearization, and
 * so one forward solve, per {@link #linearize(double[])}, whose {@link Linearization} counts its products
 * ({@link CountingLinearization}). {@code jacobian}, {@code jvp} and {@code vjp} of a point go through
 * {@code linearize} ({@link ForwardModel}'s defaults), so they are counted the same way. Everything else (id,
 * fingerprint, sizes, box, derivatives) is the wrapped model's, so that registries find the same Deceptron and
 * problems built on it are the same problems. A call is counted once it returns.
 * <p>One model per solve: not thread safe (its counter is not).</p>
 */
public final class CountingModel extends ForwardingModel {

    /** The tally. */
    private final SolveCounter counter;

    /**
     * Wraps a model.
     * @param delegate the model
     * @param counter the tally of the solve
     */
    public CountingModel(final ForwardModel delegate, final SolveCounter counter) {
        super(delegate);
        this.counter = counter;
    }

    /** {@inheritDoc} */
    @Override
    public double[] value(final double[] x) {
        final double[] y = super.value(x);
        counter.forwardSolve();
        return y;
    }

    /** {@inheritDoc} */
    @Override
    public Linearization linearize(final double[] x) {
        final Linearization l = super.linearize(x);
        counter.linearization();
        // a null linearization is passed on as such: the solver reports the model's fault, not ours
        return l == null ? null : new CountingLinearization(l, counter, parameterSize(), observationSize());
    }
}
