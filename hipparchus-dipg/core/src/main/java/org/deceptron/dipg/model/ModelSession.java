package org.deceptron.dipg.model;

import org.deceptron.dipg.DipgFormats;
import org.deceptron.dipg.nn.NetworkEvaluator;
import org.deceptron.dipg.spi.DeceptronSession;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Session of a {@link ModelDeceptron}: normalises, evaluates a network, denormalises, through pre-allocated
 * buffers. Not thread safe; allocates nothing per call. Caller arrays may alias each other: they are only read
 * before any is written.
 */
final class ModelSession implements DeceptronSession {

    /** Normalisation of x. */
    private final Normalization xNorm;

    /** Normalisation of y. */
    private final Normalization yNorm;

    /** Evaluator of f. */
    private final NetworkEvaluator f;

    /** Evaluator of g. */
    private final NetworkEvaluator g;

    /** n. */
    private final int n;

    /** m. */
    private final int m;

    /** Normalised vector of length n. */
    private final double[] xa;

    /** Normalised tangent of length n. */
    private final double[] xb;

    /** Normalised vector of length m. */
    private final double[] ya;

    /** Normalised tangent of length m. */
    private final double[] yb;

    /**
     * Creates a session.
     * @param model the model
     */
    ModelSession(final DeceptronModel model) {
        this.xNorm = model.xNormalization();
        this.yNorm = model.yNormalization();
        this.f = model.forwardNetwork().newEvaluator();
        this.g = model.reverseNetwork().newEvaluator();
        this.n = model.parameterSize();
        this.m = model.observationSize();
        this.xa = new double[n];
        this.xb = new double[n];
        this.ya = new double[m];
        this.yb = new double[m];
    }

    @Override
    public void inverse(final double[] y, final double[] x) {
        check("y", y, m);
        check("x", x, n);
        yNorm.normalize(y, ya);
        g.forward(ya, xa);
        xNorm.denormalize(xa, x);
    }

    @Override
    public void inverseJvp(final double[] y, final double[] dy, final double[] x, final double[] dx) {
        check("y", y, m);
        check("dy", dy, m);
        check("x", x, n);
        check("dx", dx, n);
        yNorm.normalize(y, ya);
        yNorm.normalizeTangent(dy, yb);
        g.jvp(ya, yb, xa, xb);
        xNorm.denormalize(xa, x);
        xNorm.denormalizeTangent(xb, dx);
    }

    @Override
    public void forward(final double[] x, final double[] y) {
        check("x", x, n);
        check("y", y, m);
        xNorm.normalize(x, xa);
        f.forward(xa, ya);
        yNorm.denormalize(ya, y);
    }

    @Override
    public void forwardJvp(final double[] x, final double[] dx, final double[] y, final double[] dy) {
        check("x", x, n);
        check("dx", dx, n);
        check("y", y, m);
        check("dy", dy, m);
        xNorm.normalize(x, xa);
        xNorm.normalizeTangent(dx, xb);
        f.jvp(xa, xb, ya, yb);
        yNorm.denormalize(ya, y);
        yNorm.denormalizeTangent(yb, dy);
    }

    /**
     * Checks an argument's length.
     * @param what argument name
     * @param v the argument
     * @param expected expected length
     * @throws MathIllegalArgumentException on a null array ({@link DipgFormats#NN_NULL_ARRAY}) or a wrong length
     *         ({@link DipgFormats#WRONG_LENGTH})
     */
    private static void check(final String what, final double[] v, final int expected) {
        if (v == null) {
            throw new MathIllegalArgumentException(DipgFormats.NN_NULL_ARRAY, what, expected);
        }
        if (v.length != expected) {
            throw new MathIllegalArgumentException(DipgFormats.WRONG_LENGTH, what, v.length, expected);
        }
    }
}
