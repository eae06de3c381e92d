package org.deceptron.dipg.spi;

import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;

/**
 * A least-squares problem built from a {@link ForwardModel}: it tells the optimizer which model it came
 * from, so that {@code DipgOptimizer} can find the model's {@link Deceptron} and use its derivatives, and how its
 * weighted residuals relate to the model's output.
 * <p>
 * Residual convention (Hipparchus): {@code r_i = (y*_i - F_i(x)) / s_i} where y* is {@link #getObserved()} and
 * s is {@link #getResidualScale()}; so {@code F(x) = y* - s .* r}.
 * </p>
 */
public interface FamilyProblem extends LeastSquaresProblem {

    /**
     * Returns the forward model the problem belongs to.
     * @return the model
     */
    ForwardModel getModel();

    /**
     * Returns the observations y*.
     * @return a copy of y*
     */
    RealVector getObserved();

    /**
     * Returns the per-component residual scale s (the inverse square root of the weights).
     * @return a copy of s
     */
    RealVector getResidualScale();

    /**
     * Returns the tolerance of the problem's convergence checker on the weighted residual RMS.
     * @return the tolerance
     */
    double getTolerance();
}
