package org.deceptron.bench;

import java.util.Arrays;

import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronSession;
import org.deceptron.dipg.spi.ForwardingDeceptron;
import org.deceptron.dipg.spi.ForwardingSession;

/**
 * Hostile Deceptrons of the stress suite ({@link StressScenario}): wrappers around a real Deceptron that keep
 * everything but one property.
 */
public final class StressModels {

    /** Suffix appended to the fingerprint of {@link #changedFingerprint(Deceptron)}. */
    public static final String CHANGED_SUFFIX = "+changed-constant";

    /** Utility class. */
    private StressModels() {
    }

    /**
     * Wraps a Deceptron so that its sessions' reverse map outputs NaN ({@code inverse} fills x with NaN,
     * {@code inverseJvp} fills x and dx with NaN); the forward surrogate, the family id, the fingerprint and the
     * sizes are the wrapped model's, so a registry accepts it.
     * @param d the Deceptron
     * @return the NaN-producing Deceptron
     */
    public static Deceptron nanInverse(final Deceptron d) {
        return new Wrapper(d, d.familyFingerprint(), d.name() + " [NaN inverse]", true);
    }

    /**
     * Wraps a Deceptron under another fingerprint ({@link #CHANGED_SUFFIX} appended), as a model trained for the
     * family before one of its constants changed: a registry refuses it with a fingerprint mismatch.
     * @param d the Deceptron
     * @return the Deceptron with a changed fingerprint
     */
    public static Deceptron changedFingerprint(final Deceptron d) {
        return new Wrapper(d, d.familyFingerprint() + CHANGED_SUFFIX, d.name() + " [changed constant]", false);
    }

    /** A delegating Deceptron with its own fingerprint and name, optionally NaN in its reverse map. */
    private static final class Wrapper extends ForwardingDeceptron {

        /** Fingerprint reported. */
        private final String fingerprint;

        /** Name reported. */
        private final String name;

        /** Whether the reverse map outputs NaN. */
        private final boolean nanInverse;

        /**
         * Creates the wrapper.
         * @param delegate the wrapped model
         * @param fingerprint fingerprint reported
         * @param name name reported
         * @param nanInverse whether the reverse map outputs NaN
         */
        Wrapper(final Deceptron delegate, final String fingerprint, final String name, final boolean nanInverse) {
            super(delegate);
            this.fingerprint = fingerprint;
            this.name = name;
            this.nanInverse = nanInverse;
        }

        @Override
        public String familyFingerprint() {
            return fingerprint;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public DeceptronSession newSession() {
            final DeceptronSession session = delegate().newSession();
            return nanInverse ? new NanSession(session) : session;
        }
    }

    /** A session whose reverse map outputs NaN; the forward surrogate is the wrapped session's. */
    private static final class NanSession extends ForwardingSession {

        /**
         * Creates the session.
         * @param delegate the wrapped session
         */
        NanSession(final DeceptronSession delegate) {
            super(delegate);
        }

        @Override
        public void inverse(final double[] y, final double[] x) {
            Arrays.fill(x, Double.NaN);
        }

        @Override
        public void inverseJvp(final double[] y, final double[] dy, final double[] x, final double[] dx) {
            Arrays.fill(x, Double.NaN);
            Arrays.fill(dx, Double.NaN);
        }
    }
}
