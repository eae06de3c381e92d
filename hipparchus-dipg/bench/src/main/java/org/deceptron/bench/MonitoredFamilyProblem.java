package org.deceptron.bench;

import java.util.List;

import org.deceptron.dipg.problem.MonitoredProblem;
import org.deceptron.dipg.problem.MonitoredProblem.TracePoint;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardModel;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem.Evaluation;
import org.hipparchus.util.Incrementor;

/**
 * A {@link MonitoredProblem} that is still a {@link FamilyProblem}: evaluations go through the monitor (value and
 * Jacobian evaluations counted, the trace recorded when asked), everything else, the model included, is the
 * wrapped problem's. Optimizers that work on the model of a family problem (the matrix-free Gauss-Newton-Krylov)
 * then run exactly as on the bare problem.
 * <p>One instance per solve: not thread safe.</p>
 */
public final class MonitoredFamilyProblem implements FamilyProblem {

    /** The wrapped problem. */
    private final FamilyProblem problem;

    /** The monitor its evaluations go through. */
    private final MonitoredProblem monitor;

    /**
     * Wraps a problem.
     * @param problem the family problem
     * @param tracing whether to record the RMS of every evaluation against time
     */
    public MonitoredFamilyProblem(final FamilyProblem problem, final boolean tracing) {
        this.problem = problem;
        this.monitor = new MonitoredProblem(problem, tracing);
    }

    /**
     * Returns the number of value evaluations so far.
     * @return the count
     */
    public int getValueEvaluations() {
        return monitor.getValueEvaluations();
    }

    /**
     * Returns the number of Jacobian evaluations so far.
     * @return the count
     */
    public int getJacobianEvaluations() {
        return monitor.getJacobianEvaluations();
    }

    /**
     * Returns the recorded trace (empty when not tracing).
     * @return the trace
     */
    public List<TracePoint> getTrace() {
        return monitor.getTrace();
    }

    /** {@inheritDoc} */
    @Override
    public Evaluation evaluate(final RealVector point) {
        return monitor.evaluate(point);
    }

    /** {@inheritDoc} */
    @Override
    public ForwardModel getModel() {
        return problem.getModel();
    }

    /** {@inheritDoc} */
    @Override
    public RealVector getObserved() {
        return problem.getObserved();
    }

    /** {@inheritDoc} */
    @Override
    public RealVector getResidualScale() {
        return problem.getResidualScale();
    }

    /** {@inheritDoc} */
    @Override
    public double getTolerance() {
        return problem.getTolerance();
    }

    /** {@inheritDoc} */
    @Override
    public RealVector getStart() {
        return problem.getStart();
    }

    /** {@inheritDoc} */
    @Override
    public int getObservationSize() {
        return problem.getObservationSize();
    }

    /** {@inheritDoc} */
    @Override
    public int getParameterSize() {
        return problem.getParameterSize();
    }

    /** {@inheritDoc} */
    @Override
    public Incrementor getEvaluationCounter() {
        return problem.getEvaluationCounter();
    }

    /** {@inheritDoc} */
    @Override
    public Incrementor getIterationCounter() {
        return problem.getIterationCounter();
    }

    /** {@inheritDoc} */
    @Override
    public ConvergenceChecker<Evaluation> getConvergenceChecker() {
        return problem.getConvergenceChecker();
    }
}
