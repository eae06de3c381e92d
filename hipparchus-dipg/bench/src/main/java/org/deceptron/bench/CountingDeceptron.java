package org.deceptron.bench;

import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronSession;
import org.deceptron.dipg.spi.ForwardingDeceptron;
import org.deceptron.dipg.spi.ForwardingSession;

/**
 * A {@link Deceptron} whose sessions count the evaluations of the reverse map g into a {@link SolveCounter}: one
 * per {@code inverse} and one per {@code inverseJvp} call (once it returns). Name, family id, fingerprint and sizes
 * are the wrapped Deceptron's, so a registry's id, fingerprint and size checks treat it as the wrapped one. (Its
 * memory check applies to model-file Deceptrons only, which a wrapper is not: {@link BenchRunner} wraps a
 * Deceptron only after the registry accepted it unwrapped.)
 * <p>One wrapper per solve: not thread safe (its counter is not).</p>
 */
public final class CountingDeceptron extends ForwardingDeceptron {

    /** The tally. */
    private final SolveCounter counter;

    /**
     * Wraps a Deceptron.
     * @param delegate the Deceptron
     * @param counter the tally of the solve
     */
    public CountingDeceptron(final Deceptron delegate, final SolveCounter counter) {
        super(delegate);
        this.counter = counter;
    }

    /** {@inheritDoc} */
    @Override
    public DeceptronSession newSession() {
        final DeceptronSession session = delegate().newSession();
        // a null session is passed on as such: the solver reports the Deceptron's fault, not ours
        return session == null ? null : new CountingSession(session, counter);
    }

    /** A session that counts g evaluations. */
    private static final class CountingSession extends ForwardingSession {

        /** The tally. */
        private final SolveCounter counter;

        /**
         * Wraps a session.
         * @param delegate the session
         * @param counter the tally
         */
        CountingSession(final DeceptronSession delegate, final SolveCounter counter) {
            super(delegate);
            this.counter = counter;
        }

        /** {@inheritDoc} */
        @Override
        public void inverse(final double[] y, final double[] x) {
            super.inverse(y, x);
            counter.gEvaluation();
        }

        /** {@inheritDoc} */
        @Override
        public void inverseJvp(final double[] y, final double[] dy, final double[] x, final double[] dx) {
            super.inverseJvp(y, dy, x, dx);
            counter.gEvaluation();
        }
    }
}
