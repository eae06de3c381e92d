package org.deceptron.dipg.spi;

import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Argument checks of the forward-model contract, shared by every model and problem so that bad input fails with
 * the same clear {@link MathIllegalArgumentException} everywhere.
 */
public final class ModelChecks {

    /** Relative slack allowed on box membership (round-off of projections). */
    private static final double BOX_SLACK = 1.0e-12;

    /** Utility class. */
    private ModelChecks() {
    }

    /**
     * Checks a vector's length and that every entry is finite.
     * @param what name used in the message
     * @param v the vector
     * @param expected the expected length
     * @throws MathIllegalArgumentException on a wrong length or a NaN/infinite entry
     */
    public static void checkFinite(final String what, final double[] v, final int expected) {
        if (v == null) {
            throw new MathIllegalArgumentException(DipgFormats.WRONG_LENGTH, what, "null", expected);
        }
        if (v.length != expected) {
            throw new MathIllegalArgumentException(DipgFormats.WRONG_LENGTH, what, v.length, expected);
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new MathIllegalArgumentException(DipgFormats.NOT_FINITE, what, i, v[i]);
            }
        }
    }

    /**
     * Checks that x is a finite point of length n inside the model's box.
     * @param model the model
     * @param x the point
     * @throws MathIllegalArgumentException when it is not
     */
    public static void checkPoint(final ForwardModel model, final double[] x) {
        checkFinite("x", x, model.parameterSize());
        final double[] lo = model.lowerBounds();
        final double[] hi = model.upperBounds();
        for (int i = 0; i < x.length; i++) {
            final double slack = BOX_SLACK * Math.max(1.0, Math.max(Math.abs(lo[i]), Math.abs(hi[i])));
            if (x[i] < lo[i] - slack || x[i] > hi[i] + slack) {
                throw new MathIllegalArgumentException(DipgFormats.OUTSIDE_BOX, "x", i, x[i], lo[i], hi[i], model.id());
            }
        }
    }

    /**
     * Checks a direction (tangent argument).
     * @param model the model
     * @param v the direction, length n, finite
     * @throws MathIllegalArgumentException when it is not
     */
    public static void checkDirection(final ForwardModel model, final double[] v) {
        checkFinite("v", v, model.parameterSize());
    }

    /**
     * Checks a co-direction (adjoint argument).
     * @param model the model
     * @param w the co-direction, length m, finite
     * @throws MathIllegalArgumentException when it is not
     */
    public static void checkCoDirection(final ForwardModel model, final double[] w) {
        checkFinite("w", w, model.observationSize());
    }
}
