package org.deceptron.itest;

import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardModel;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.util.Incrementor;

/** A family problem that runs an action once, on a given evaluation: to change the runtime in mid-solve. */
final class HookedProblem implements FamilyProblem {

    /** Delegate. */
    private final FamilyProblem delegate;

    /** Evaluation (1-based) before which the action runs. */
    private final int when;

    /** The action. */
    private final Runnable action;

    /** Evaluations so far. */
    private int count;

    /**
     * Creates the problem.
     * @param delegate the problem
     * @param when the evaluation (1-based) before which the action runs
     * @param action the action
     */
    HookedProblem(final FamilyProblem delegate, final int when, final Runnable action) {
        this.delegate = delegate;
        this.when = when;
        this.action = action;
    }

    @Override
    public Evaluation evaluate(final RealVector point) {
        if (++count == when) {
            action.run();
        }
        return delegate.evaluate(point);
    }

    /**
     * Returns the number of evaluations so far.
     * @return the count
     */
    int count() {
        return count;
    }

    @Override
    public RealVector getStart() {
        return delegate.getStart();
    }

    @Override
    public int getObservationSize() {
        return delegate.getObservationSize();
    }

    @Override
    public int getParameterSize() {
        return delegate.getParameterSize();
    }

    @Override
    public Incrementor getEvaluationCounter() {
        return delegate.getEvaluationCounter();
    }

    @Override
    public Incrementor getIterationCounter() {
        return delegate.getIterationCounter();
    }

    @Override
    public ConvergenceChecker<Evaluation> getConvergenceChecker() {
        return delegate.getConvergenceChecker();
    }

    @Override
    public ForwardModel getModel() {
        return delegate.getModel();
    }

    @Override
    public RealVector getObserved() {
        return delegate.getObserved();
    }

    @Override
    public RealVector getResidualScale() {
        return delegate.getResidualScale();
    }

    @Override
    public double getTolerance() {
        return delegate.getTolerance();
    }
}
