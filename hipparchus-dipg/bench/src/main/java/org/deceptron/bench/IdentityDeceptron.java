package org.deceptron.bench;

import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronSession;
import org.deceptron.dipg.spi.ForwardModel;

/**
 * The untrained Deceptron of the {@link BenchMethod#DIPG_IDENTITY} ablation: g(y) = y and f(x) = x, with identity
 * Jacobians, in physical units. D-IPG with it takes the bare residual step x + rho alpha (y* - F(x)) (then its
 * Krylov and Levenberg-Marquardt fallbacks), which shows what the learned preconditioner adds. It carries the
 * model's id and fingerprint, so a registry accepts it for that model; it needs m = n.
 * <p>Immutable and thread safe; its sessions allocate nothing.</p>
 */
public final class IdentityDeceptron implements Deceptron {

    /** Name of every identity Deceptron. */
    public static final String NAME = "identity (no learned preconditioner)";

    /** Family id. */
    private final String familyId;

    /** Family fingerprint. */
    private final String fingerprint;

    /** n = m. */
    private final int size;

    /**
     * Creates the identity Deceptron of a model.
     * @param model the forward model
     * @throws IllegalArgumentException when m differs from n (g cannot be the identity)
     */
    public IdentityDeceptron(final ForwardModel model) {
        if (model.observationSize() != model.parameterSize()) {
            throw new IllegalArgumentException("the identity Deceptron needs m = n; " + model.id() + " has n = "
                    + model.parameterSize() + ", m = " + model.observationSize());
        }
        this.familyId = model.id();
        this.fingerprint = model.fingerprint();
        this.size = model.parameterSize();
    }

    /** {@inheritDoc} */
    @Override
    public String familyId() {
        return familyId;
    }

    /** {@inheritDoc} */
    @Override
    public String familyFingerprint() {
        return fingerprint;
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return NAME;
    }

    /** {@inheritDoc} */
    @Override
    public int parameterSize() {
        return size;
    }

    /** {@inheritDoc} */
    @Override
    public int observationSize() {
        return size;
    }

    /**
     * Returns NaN: the identity was not trained.
     * @return NaN
     */
    @Override
    public double trainingRjcp() {
        return Double.NaN;
    }

    /**
     * Returns 0: the identity costs no training.
     * @return 0
     */
    @Override
    public double trainingSeconds() {
        return 0.0;
    }

    /** {@inheritDoc} */
    @Override
    public DeceptronSession newSession() {
        return new IdentitySession();
    }

    /** The identity maps: every output is a copy of the input. */
    private static final class IdentitySession implements DeceptronSession {

        /** {@inheritDoc} */
        @Override
        public void inverse(final double[] y, final double[] x) {
            System.arraycopy(y, 0, x, 0, x.length);
        }

        /** {@inheritDoc} */
        @Override
        public void inverseJvp(final double[] y, final double[] dy, final double[] x, final double[] dx) {
            System.arraycopy(y, 0, x, 0, x.length);
            System.arraycopy(dy, 0, dx, 0, dx.length);
        }

        /** {@inheritDoc} */
        @Override
        public void forward(final double[] x, final double[] y) {
            System.arraycopy(x, 0, y, 0, y.length);
        }

        /** {@inheritDoc} */
        @Override
        public void forwardJvp(final double[] x, final double[] dx, final double[] y, final double[] dy) {
            System.arraycopy(x, 0, y, 0, y.length);
            System.arraycopy(dx, 0, dy, 0, dy.length);
        }
    }
}
