package org.deceptron.dipg.spi;

import java.util.Objects;

/**
 * A {@link Deceptron} that forwards every call to another one; subclasses override what they change (another
 * name or fingerprint, instrumented or failing sessions). The wrappers of the stress suite and of the tests that
 * play a hostile model are written on it.
 */
public abstract class ForwardingDeceptron implements Deceptron {

    /** The wrapped Deceptron. */
    private final Deceptron delegate;

    /**
     * Creates the wrapper.
     * @param delegate the wrapped Deceptron
     */
    protected ForwardingDeceptron(final Deceptron delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * Returns the wrapped Deceptron.
     * @return the delegate
     */
    protected final Deceptron delegate() {
        return delegate;
    }

    /** {@inheritDoc} */
    @Override
    public String familyId() {
        return delegate.familyId();
    }

    /** {@inheritDoc} */
    @Override
    public String familyFingerprint() {
        return delegate.familyFingerprint();
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return delegate.name();
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
    public double trainingRjcp() {
        return delegate.trainingRjcp();
    }

    /** {@inheritDoc} */
    @Override
    public double trainingSeconds() {
        return delegate.trainingSeconds();
    }

    /** {@inheritDoc} */
    @Override
    public DeceptronSession newSession() {
        return delegate.newSession();
    }
}
