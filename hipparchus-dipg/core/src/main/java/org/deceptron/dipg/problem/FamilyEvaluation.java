package org.deceptron.dipg.problem;

import org.deceptron.dipg.DipgFormats;
import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.AbstractEvaluation;

/**
 * Evaluation of a {@link FamilyLeastSquaresProblem} at one point: the forward solve is done once, when the
 * evaluation is created; the Jacobian is computed at the first {@link #getJacobian()} call and cached. (Hipparchus'
 * own lazy evaluation recomputes the model on every getter call.)
 * <p>Not thread safe: an evaluation belongs to one solve.</p>
 */
final class FamilyEvaluation extends AbstractEvaluation {

    /** The family. */
    private final ForwardFamily family;

    /** The evaluated point (after projection). */
    private final double[] point;

    /** Weighted residuals (y* - F(x)) / s. */
    private final double[] residuals;

    /** Inverse residual scale 1/s. */
    private final double[] inverseScale;

    /** Cached weighted Jacobian, or null before the first request. */
    private RealMatrix jacobian;

    /**
     * Creates an evaluation; runs the forward solve.
     * @param family the family
     * @param point the point, already projected and checked (kept)
     * @param observed y*
     * @param inverseScale 1/s (kept, not modified)
     */
    FamilyEvaluation(final ForwardFamily family, final double[] point, final double[] observed,
                     final double[] inverseScale) {
        super(observed.length);
        this.family = family;
        this.point = point;
        this.inverseScale = inverseScale;
        final double[] value = FamilyLeastSquaresProblem.checkedValue(family, point);
        residuals = new double[observed.length];
        for (int i = 0; i < residuals.length; i++) {
            residuals[i] = (observed[i] - value[i]) * inverseScale[i];
        }
    }

    /** {@inheritDoc} */
    @Override
    public RealMatrix getJacobian() {
        if (jacobian == null) {
            final RealMatrix j = family.jacobian(point.clone());
            if (j.getRowDimension() != residuals.length || j.getColumnDimension() != point.length) {
                throw new MathIllegalStateException(DipgFormats.FORWARD_FAILURE, family.id(), "returned a "
                        + j.getRowDimension() + "x" + j.getColumnDimension() + " Jacobian, expected "
                        + residuals.length + "x" + point.length);
            }
            for (int i = 0; i < residuals.length; i++) {
                final double w = inverseScale[i];
                if (w != 1.0) {
                    for (int k = 0; k < point.length; k++) {
                        j.multiplyEntry(i, k, w);
                    }
                }
            }
            jacobian = j;
        }
        return jacobian;
    }

    /** {@inheritDoc} */
    @Override
    public RealVector getResiduals() {
        return new ArrayRealVector(residuals);
    }

    /** {@inheritDoc} */
    @Override
    public RealVector getPoint() {
        return new ArrayRealVector(point);
    }

    /** {@inheritDoc} */
    @Override
    public double getCost() {
        double s = 0;
        for (final double r : residuals) {
            s += r * r;
        }
        return Math.sqrt(s);
    }
}
