package org.deceptron.dipg.problem;

import org.deceptron.dipg.DipgFormats;
import org.deceptron.dipg.spi.ForwardModel;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.AbstractEvaluation;

/**
 * Evaluation of a {@link FamilyLeastSquaresProblem} at one point: the forward solve is done once, when the
 * evaluation is created; the Jacobian is computed at the first {@link #getJacobian()} call and cached. (Hipparchus'
 * own lazy evaluation recomputes the model on every getter call.) A model without derivatives gets a
 * finite-difference Jacobian ({@link FiniteDifferences}).
 * <p>Not thread safe: an evaluation belongs to one solve.</p>
 */
final class FamilyEvaluation extends AbstractEvaluation {

    /** The forward model. */
    private final ForwardModel model;

    /** The evaluated point (after projection). */
    private final double[] point;

    /** F(x). */
    private final double[] value;

    /** Weighted residuals (y* - F(x)) / s. */
    private final double[] residuals;

    /** Inverse residual scale 1/s. */
    private final double[] inverseScale;

    /** Cached weighted Jacobian, or null before the first request. */
    private RealMatrix jacobian;

    /**
     * Creates an evaluation; runs the forward solve.
     * @param model the forward model
     * @param point the point, already projected and checked (kept)
     * @param observed y*
     * @param inverseScale 1/s (kept, not modified)
     */
    FamilyEvaluation(final ForwardModel model, final double[] point, final double[] observed,
                     final double[] inverseScale) {
        super(observed.length);
        this.model = model;
        this.point = point;
        this.inverseScale = inverseScale;
        value = FamilyLeastSquaresProblem.checkedValue(model, point);
        residuals = new double[observed.length];
        for (int i = 0; i < residuals.length; i++) {
            residuals[i] = (observed[i] - value[i]) * inverseScale[i];
        }
    }

    /** {@inheritDoc} */
    @Override
    public RealMatrix getJacobian() {
        if (jacobian == null) {
            final RealMatrix j = model.derivatives().isEmpty()
                    ? FiniteDifferences.jacobian(model, point, value)
                    : model.jacobian(point.clone());
            if (j.getRowDimension() != residuals.length || j.getColumnDimension() != point.length) {
                throw new MathIllegalStateException(DipgFormats.WRONG_SHAPE, "the Jacobian of " + model.id(),
                        j.getRowDimension(), j.getColumnDimension(), residuals.length, point.length);
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
