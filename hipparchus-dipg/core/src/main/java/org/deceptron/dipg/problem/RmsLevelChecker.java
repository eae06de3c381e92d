package org.deceptron.dipg.problem;

import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem.Evaluation;

/**
 * Converged when the (weighted) residual RMS of the current evaluation is at most a tolerance. Unlike
 * Hipparchus' {@code EvaluationRmsChecker}, which tests the change of RMS, this tests its level: with residuals
 * weighted by 1/sigma, "the data are fitted to the noise".
 */
public final class RmsLevelChecker implements ConvergenceChecker<Evaluation> {

    /** Tolerance on the RMS. */
    private final double tolerance;

    /**
     * Creates a checker.
     * @param tolerance the tolerance on {@link Evaluation#getRMS()}, &gt; 0
     */
    public RmsLevelChecker(final double tolerance) {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new MathIllegalArgumentException(DipgFormats.INVALID_SETTING, "tolerance", tolerance, "> 0, finite");
        }
        this.tolerance = tolerance;
    }

    /**
     * Returns the tolerance.
     * @return the tolerance
     */
    public double getTolerance() {
        return tolerance;
    }

    /** {@inheritDoc} */
    @Override
    public boolean converged(final int iteration, final Evaluation previous, final Evaluation current) {
        return current.getRMS() <= tolerance;
    }
}
