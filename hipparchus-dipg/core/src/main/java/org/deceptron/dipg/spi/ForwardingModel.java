package org.deceptron.dipg.spi;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;

import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalStateException;

/**
 * A {@link ForwardModel} that forwards every call to another one (same id, fingerprint, box and map); subclasses
 * override what they change, for instance another tangent product. {@link #valueOnly(ForwardModel)} is the view of
 * a model with its derivatives hidden, as a legacy simulator without tangent or adjoint would be.
 */
public abstract class ForwardingModel implements ForwardModel {

    /** The wrapped model. */
    private final ForwardModel delegate;

    /**
     * Creates the wrapper.
     * @param delegate the wrapped model
     */
    protected ForwardingModel(final ForwardModel delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Returns the view of a model without its derivatives: the same id, fingerprint, box and {@code value}, no
     * {@link #derivatives()} and a {@link #linearize(double[])} that throws, as {@link ForwardModel}'s defaults do.
     * @param model the model
     * @return the value-only view
     */
    public static ForwardModel valueOnly(final ForwardModel model) {
        return new ForwardingModel(model) {
            @Override
            public Set<Derivative> derivatives() {
                return Collections.emptySet();
            }

            @Override
            public Linearization linearize(final double[] x) {
                throw new MathIllegalStateException(DipgFormats.NO_DERIVATIVE, id(), "tangent or adjoint",
                        derivatives());
            }
        };
    }

    /**
     * Returns the wrapped model.
     * @return the delegate
     */
    protected final ForwardModel delegate() {
        return delegate;
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return delegate.id();
    }

    /** {@inheritDoc} */
    @Override
    public int parameterSize() {
        return delegate.parameterSize();
    }

    /** {@inheritDoc} */
    @Override
    public int observationSize() {
        return delegate.observationSize();
    }

    /** {@inheritDoc} */
    @Override
    public double[] lowerBounds() {
        return delegate.lowerBounds();
    }

    /** {@inheritDoc} */
    @Override
    public double[] upperBounds() {
        return delegate.upperBounds();
    }

    /** {@inheritDoc} */
    @Override
    public double[] value(final double[] x) {
        return delegate.value(x);
    }

    /** {@inheritDoc} */
    @Override
    public String fingerprint() {
        return delegate.fingerprint();
    }

    /** {@inheritDoc} */
    @Override
    public Set<Derivative> derivatives() {
        return delegate.derivatives();
    }

    /** {@inheritDoc} */
    @Override
    public Linearization linearize(final double[] x) {
        return delegate.linearize(x);
    }
}
