package org.deceptron.dipg.spi;

import java.util.Objects;

import org.hipparchus.linear.RealMatrix;

/**
 * A {@link Linearization} that forwards every call to another one; subclasses override what they change (count,
 * guard or refuse products). Thread safe when the wrapped linearization is and the overrides are.
 */
public class ForwardingLinearization implements Linearization {

    /** The wrapped linearization. */
    private final Linearization delegate;

    /**
     * Creates the wrapper.
     * @param delegate the wrapped linearization
     */
    public ForwardingLinearization(final Linearization delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** {@inheritDoc} */
    @Override
    public double[] jvp(final double[] v) {
        return delegate.jvp(v);
    }

    /** {@inheritDoc} */
    @Override
    public double[] vjp(final double[] w) {
        return delegate.vjp(w);
    }

    /** {@inheritDoc} */
    @Override
    public RealMatrix jacobian() {
        return delegate.jacobian();
    }
}
