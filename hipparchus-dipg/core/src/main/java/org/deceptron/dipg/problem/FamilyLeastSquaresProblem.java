package org.deceptron.dipg.problem;

import org.deceptron.dipg.DipgFormats;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardModel;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.AbstractOptimizationProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;

/**
 * The Hipparchus problem of a {@link ForwardModel} for given observations: residuals weighted by
 * 1/noise, box projection, RMS-level convergence, the forward solve once per evaluation and the Jacobian
 * only when asked. Immutable and thread safe (evaluations are not shared).
 */
public final class FamilyLeastSquaresProblem extends AbstractOptimizationProblem<LeastSquaresProblem.Evaluation>
        implements FamilyProblem {

    /** The forward model. */
    private final ForwardModel model;

    /** Observations y*. */
    private final double[] observed;

    /** Residual scale s. */
    private final double[] scale;

    /** Inverse residual scale 1/s. */
    private final double[] inverseScale;

    /** Start point (projected). */
    private final double[] start;

    /** Box projection. */
    private final BoxProjection projection;

    /** Tolerance on the weighted RMS. */
    private final double tolerance;

    /**
     * Creates a problem (use {@link FamilyProblemFactory}).
     * @param model the forward model
     * @param noiseLevel the observation noise standard deviation (residual scale)
     * @param observed y* (checked, copied)
     * @param start the start (checked, copied, projected)
     * @param tolerance RMS tolerance
     * @param maxEvaluations maximal number of evaluations
     * @param maxIterations maximal number of iterations
     */
    FamilyLeastSquaresProblem(final ForwardModel model, final double noiseLevel, final double[] observed,
                              final double[] start, final double tolerance, final int maxEvaluations,
                              final int maxIterations) {
        super(maxEvaluations, maxIterations, new RmsLevelChecker(tolerance));
        this.model = model;
        this.observed = observed.clone();
        this.scale = new double[observed.length];
        this.inverseScale = new double[observed.length];
        final double sigma = noiseLevel;
        for (int i = 0; i < observed.length; i++) {
            scale[i] = sigma;
            inverseScale[i] = 1.0 / sigma;
        }
        this.projection = new BoxProjection(model.lowerBounds(), model.upperBounds());
        this.start = start.clone();
        projection.project(this.start);
        this.tolerance = tolerance;
    }

    /**
     * Runs the forward model and checks its output.
     * @param model the model
     * @param x the point
     * @return F(x)
     */
    static double[] checkedValue(final ForwardModel model, final double[] x) {
        final double[] value = model.value(x.clone());
        if (value == null || value.length != model.observationSize()) {
            throw new MathIllegalStateException(DipgFormats.FORWARD_FAILURE, model.id(),
                    "returned " + (value == null ? "null" : value.length + " values") + ", expected "
                            + model.observationSize());
        }
        for (int i = 0; i < value.length; i++) {
            if (!Double.isFinite(value[i])) {
                throw new MathIllegalStateException(DipgFormats.FORWARD_FAILURE, model.id(),
                        "non-finite output " + value[i] + " at index " + i);
            }
        }
        return value;
    }

    /** {@inheritDoc} */
    @Override
    public ForwardModel getModel() {
        return model;
    }

    /** {@inheritDoc} */
    @Override
    public RealVector getObserved() {
        return new ArrayRealVector(observed);
    }

    /** {@inheritDoc} */
    @Override
    public RealVector getResidualScale() {
        return new ArrayRealVector(scale);
    }

    /** {@inheritDoc} */
    @Override
    public double getTolerance() {
        return tolerance;
    }

    /** {@inheritDoc} */
    @Override
    public RealVector getStart() {
        return new ArrayRealVector(start);
    }

    /** {@inheritDoc} */
    @Override
    public int getObservationSize() {
        return observed.length;
    }

    /** {@inheritDoc} */
    @Override
    public int getParameterSize() {
        return start.length;
    }

    /** {@inheritDoc} */
    @Override
    public Evaluation evaluate(final RealVector point) {
        if (point.getDimension() != start.length) {
            throw new MathIllegalArgumentException(DipgFormats.WRONG_LENGTH, "point", point.getDimension(),
                    start.length);
        }
        final double[] x = point.toArray();
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                throw new MathIllegalArgumentException(DipgFormats.NOT_FINITE, "point", i, x[i]);
            }
        }
        projection.project(x);
        return new FamilyEvaluation(model, x, observed, inverseScale);
    }
}
