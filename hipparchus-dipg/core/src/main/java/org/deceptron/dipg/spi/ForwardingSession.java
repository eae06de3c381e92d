package org.deceptron.dipg.spi;

import java.util.Objects;

/**
 * A {@link DeceptronSession} that forwards every call to another one; subclasses override what they change. Not
 * thread safe, like the session it wraps.
 */
public class ForwardingSession implements DeceptronSession {

    /** The wrapped session. */
    private final DeceptronSession delegate;

    /**
     * Creates the wrapper.
     * @param delegate the wrapped session
     */
    public ForwardingSession(final DeceptronSession delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** {@inheritDoc} */
    @Override
    public void inverse(final double[] y, final double[] x) {
        delegate.inverse(y, x);
    }

    /** {@inheritDoc} */
    @Override
    public void inverseJvp(final double[] y, final double[] dy, final double[] x, final double[] dx) {
        delegate.inverseJvp(y, dy, x, dx);
    }

    /** {@inheritDoc} */
    @Override
    public void forward(final double[] x, final double[] y) {
        delegate.forward(x, y);
    }

    /** {@inheritDoc} */
    @Override
    public void forwardJvp(final double[] x, final double[] dx, final double[] y, final double[] dy) {
        delegate.forwardJvp(x, dx, y, dy);
    }
}
