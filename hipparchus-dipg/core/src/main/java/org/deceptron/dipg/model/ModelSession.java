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

    /** x to y: normalise x, evaluate f, denormalise y. */
    private final Direction forward;

    /** y to x: normalise y, evaluate g, denormalise x. */
    private final Direction inverse;

    /**
     * Creates a session.
     * @param model the model
     */
    ModelSession(final DeceptronModel model) {
        final int n = model.parameterSize();
        final int m = model.observationSize();
        final double[] xa = new double[n];
        final double[] xb = new double[n];
        final double[] ya = new double[m];
        final double[] yb = new double[m];
        this.forward = new Direction(model.xNormalization(), model.forwardNetwork().newEvaluator(),
                model.yNormalization(), "x", "dx", xa, xb, "y", "dy", ya, yb);
        this.inverse = new Direction(model.yNormalization(), model.reverseNetwork().newEvaluator(),
                model.xNormalization(), "y", "dy", ya, yb, "x", "dx", xa, xb);
    }

    @Override
    public void inverse(final double[] y, final double[] x) {
        inverse.value(y, x);
    }

    @Override
    public void inverseJvp(final double[] y, final double[] dy, final double[] x, final double[] dx) {
        inverse.jvp(y, dy, x, dx);
    }

    @Override
    public void forward(final double[] x, final double[] y) {
        forward.value(x, y);
    }

    @Override
    public void forwardJvp(final double[] x, final double[] dx, final double[] y, final double[] dy) {
        forward.jvp(x, dx, y, dy);
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

    /**
     * One direction of the session (x to y through f, or y to x through g): normalises the input, evaluates the
     * network, denormalises the output, through the session's buffers (shared by both directions, which are never
     * evaluated at once).
     */
    private static final class Direction {

        /** Normalisation of the input. */
        private final Normalization inNorm;

        /** Evaluator of the network. */
        private final NetworkEvaluator net;

        /** Normalisation of the output. */
        private final Normalization outNorm;

        /** Name of the input argument. */
        private final String inName;

        /** Name of the input tangent argument. */
        private final String inTangentName;

        /** Normalised input. */
        private final double[] inValue;

        /** Normalised input tangent. */
        private final double[] inTangent;

        /** Name of the output argument. */
        private final String outName;

        /** Name of the output tangent argument. */
        private final String outTangentName;

        /** Normalised output. */
        private final double[] outValue;

        /** Normalised output tangent. */
        private final double[] outTangent;

        /**
         * Creates a direction.
         * @param inNorm normalisation of the input
         * @param net evaluator of the network
         * @param outNorm normalisation of the output
         * @param inName name of the input argument
         * @param inTangentName name of the input tangent argument
         * @param inValue buffer of the normalised input (its length is the input size)
         * @param inTangent buffer of the normalised input tangent
         * @param outName name of the output argument
         * @param outTangentName name of the output tangent argument
         * @param outValue buffer of the normalised output (its length is the output size)
         * @param outTangent buffer of the normalised output tangent
         */
        Direction(final Normalization inNorm, final NetworkEvaluator net, final Normalization outNorm,
                  final String inName, final String inTangentName, final double[] inValue, final double[] inTangent,
                  final String outName, final String outTangentName, final double[] outValue,
                  final double[] outTangent) {
            this.inNorm = inNorm;
            this.net = net;
            this.outNorm = outNorm;
            this.inName = inName;
            this.inTangentName = inTangentName;
            this.inValue = inValue;
            this.inTangent = inTangent;
            this.outName = outName;
            this.outTangentName = outTangentName;
            this.outValue = outValue;
            this.outTangent = outTangent;
        }

        /**
         * Maps a value.
         * @param in the input
         * @param out the output
         */
        void value(final double[] in, final double[] out) {
            check(inName, in, inValue.length);
            check(outName, out, outValue.length);
            inNorm.normalize(in, inValue);
            net.forward(inValue, outValue);
            outNorm.denormalize(outValue, out);
        }

        /**
         * Maps a value and a tangent.
         * @param in the input
         * @param dIn the input tangent
         * @param out the output
         * @param dOut the output tangent
         */
        void jvp(final double[] in, final double[] dIn, final double[] out, final double[] dOut) {
            check(inName, in, inValue.length);
            check(inTangentName, dIn, inValue.length);
            check(outName, out, outValue.length);
            check(outTangentName, dOut, outValue.length);
            inNorm.normalize(in, inValue);
            inNorm.normalizeTangent(dIn, inTangent);
            net.jvp(inValue, inTangent, outValue, outTangent);
            outNorm.denormalize(outValue, out);
            outNorm.denormalizeTangent(outTangent, dOut);
        }
    }
}
