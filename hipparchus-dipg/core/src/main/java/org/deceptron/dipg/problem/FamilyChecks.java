package org.deceptron.dipg.problem;

import org.deceptron.dipg.DipgFormats;
import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Argument checks shared by every family and problem, so that bad input fails with the same clear messages
 * everywhere.
 */
public final class FamilyChecks {

    /** Relative slack allowed on box membership (round-off of projections). */
    private static final double BOX_SLACK = 1.0e-12;

    /** Utility class. */
    private FamilyChecks() {
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
     * Checks that x is a finite point of length n inside the family's box.
     * @param family the family
     * @param x the point
     * @throws MathIllegalArgumentException when it is not
     */
    public static void checkPoint(final ForwardFamily family, final double[] x) {
        checkFinite("x", x, family.parameterSize());
        final double[] lo = family.lowerBounds();
        final double[] hi = family.upperBounds();
        for (int i = 0; i < x.length; i++) {
            final double slack = BOX_SLACK * Math.max(1.0, Math.max(Math.abs(lo[i]), Math.abs(hi[i])));
            if (x[i] < lo[i] - slack || x[i] > hi[i] + slack) {
                throw new MathIllegalArgumentException(DipgFormats.OUTSIDE_BOX, "x", i, x[i], lo[i], hi[i], family.id());
            }
        }
    }

    /**
     * Checks a point and a direction.
     * @param family the family
     * @param x the point
     * @param v the direction, length n, finite
     */
    public static void checkPointAndDirection(final ForwardFamily family, final double[] x, final double[] v) {
        checkPoint(family, x);
        checkFinite("v", v, family.parameterSize());
    }

    /**
     * Checks a point and a co-direction.
     * @param family the family
     * @param x the point
     * @param w the co-direction, length m, finite
     */
    public static void checkPointAndCoDirection(final ForwardFamily family, final double[] x, final double[] w) {
        checkPoint(family, x);
        checkFinite("w", w, family.observationSize());
    }
}
