package org.deceptron.dipg.problem;

import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.ParameterValidator;

/**
 * A {@link ParameterValidator} that projects a point onto a box by clamping each component. NaN components are
 * left as they are, so that the evaluation that follows can refuse them loudly.
 */
public final class BoxProjection implements ParameterValidator {

    /** Lower bounds. */
    private final double[] lower;

    /** Upper bounds. */
    private final double[] upper;

    /**
     * Creates a projection.
     * @param lower lower bounds (copied)
     * @param upper upper bounds (copied), same length
     */
    public BoxProjection(final double[] lower, final double[] upper) {
        if (lower.length != upper.length) {
            throw new MathIllegalArgumentException(DipgFormats.WRONG_LENGTH, "upper bounds", upper.length,
                    lower.length);
        }
        for (int i = 0; i < lower.length; i++) {
            if (!(lower[i] <= upper[i])) {
                throw new MathIllegalArgumentException(DipgFormats.EMPTY_BOX, i, lower[i], upper[i]);
            }
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
    }

    /** {@inheritDoc} */
    @Override
    public RealVector validate(final RealVector params) {
        for (int i = 0; i < lower.length; i++) {
            final double v = params.getEntry(i);
            if (v < lower[i]) {
                params.setEntry(i, lower[i]);
            } else if (v > upper[i]) {
                params.setEntry(i, upper[i]);
            }
        }
        return params;
    }

    /**
     * Projects an array in place.
     * @param x the point, modified
     */
    public void project(final double[] x) {
        for (int i = 0; i < lower.length; i++) {
            if (x[i] < lower[i]) {
                x[i] = lower[i];
            } else if (x[i] > upper[i]) {
                x[i] = upper[i];
            }
        }
    }
}
