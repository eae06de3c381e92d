package org.deceptron.dipg.problem;

import java.util.Objects;

import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem.Evaluation;

/**
 * An {@link Evaluation} that forwards every call to another one: the base of the optima that wrap the problem's
 * own evaluation at the returned point (so covariances and sigma are the problem's) and of evaluation decorators.
 * Subclasses add what they report or override what they change.
 */
public abstract class ForwardingEvaluation implements Evaluation {

    /** The wrapped evaluation. */
    private final Evaluation delegate;

    /**
     * Creates the wrapper.
     * @param delegate the wrapped evaluation
     */
    protected ForwardingEvaluation(final Evaluation delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** {@inheritDoc} */
    @Override
    public RealMatrix getCovariances(final double threshold) {
        return delegate.getCovariances(threshold);
    }

    /** {@inheritDoc} */
    @Override
    public RealVector getSigma(final double covarianceSingularityThreshold) {
        return delegate.getSigma(covarianceSingularityThreshold);
    }

    /** {@inheritDoc} */
    @Override
    public double getRMS() {
        return delegate.getRMS();
    }

    /** {@inheritDoc} */
    @Override
    public RealMatrix getJacobian() {
        return delegate.getJacobian();
    }

    /** {@inheritDoc} */
    @Override
    public double getCost() {
        return delegate.getCost();
    }

    /** {@inheritDoc} */
    @Override
    public double getChiSquare() {
        return delegate.getChiSquare();
    }

    /** {@inheritDoc} */
    @Override
    public double getReducedChiSquare(final int numberOfFittedParameters) {
        return delegate.getReducedChiSquare(numberOfFittedParameters);
    }

    /** {@inheritDoc} */
    @Override
    public RealVector getResiduals() {
        return delegate.getResiduals();
    }

    /** {@inheritDoc} */
    @Override
    public RealVector getPoint() {
        return delegate.getPoint();
    }
}
