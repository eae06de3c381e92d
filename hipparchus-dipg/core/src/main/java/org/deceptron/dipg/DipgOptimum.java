package org.deceptron.dipg;

import java.util.List;
import java.util.Optional;

import org.deceptron.dipg.problem.MonitoredProblem.TracePoint;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem.Evaluation;

/**
 * The result of {@link DipgOptimizer}: an {@link LeastSquaresOptimizer.Optimum} with Levenberg-Marquardt's
 * semantics (the statistics come from the problem's own evaluation at the returned point; the counters are the
 * problem's) plus diagnostics of the D-IPG path. Immutable (the wrapped evaluation aside).
 */
public final class DipgOptimum implements LeastSquaresOptimizer.Optimum {

    /** Evaluation at the returned point. */
    private final Evaluation evaluation;

    /** Evaluation counter value. */
    private final int evaluations;

    /** Iteration counter value. */
    private final int iterations;

    /** Accepted learned steps. */
    private final int dipgSteps;

    /** Levenberg-Marquardt outer iterations taken as fallback. */
    private final int fallbackIterations;

    /** Number of fallbacks. */
    private final int fallbacks;

    /** Forward solves. */
    private final int valueEvaluations;

    /** Jacobian evaluations. */
    private final int jacobianEvaluations;

    /** RJCP along the path. */
    private final double[] rjcpPath;

    /** Name of the Deceptron used, or null. */
    private final String deceptronName;

    /** Status of the Deceptron lookup. */
    private final String deceptronStatus;

    /** Elapsed time. */
    private final long elapsedNanos;

    /** Why it stopped. */
    private final StopReason stopReason;

    /** Trace, possibly empty. */
    private final List<TracePoint> trace;

    /** Accepted Krylov steps. */
    private final int krylovSteps;

    /** Tangent evaluations of the forward model. */
    private final int tangentEvaluations;

    /**
     * Creates an optimum (see {@link DipgOptimizer}).
     * @param evaluation evaluation at the returned point
     * @param evaluations evaluation counter value
     * @param iterations iteration counter value
     * @param dipgSteps accepted learned steps
     * @param fallbackIterations LM iterations taken as fallback
     * @param fallbacks number of fallbacks
     * @param valueEvaluations forward solves
     * @param jacobianEvaluations Jacobian evaluations
     * @param rjcpPath RJCP along the path (kept)
     * @param deceptronName Deceptron used or null
     * @param deceptronStatus lookup status
     * @param elapsedNanos elapsed time
     * @param stopReason why it stopped
     * @param trace residual trace (kept)
     * @param krylovSteps accepted Krylov steps
     * @param tangentEvaluations tangent (JVP) evaluations of the forward model
     */
    DipgOptimum(final Evaluation evaluation, final int evaluations, final int iterations, final int dipgSteps,
                final int fallbackIterations, final int fallbacks, final int valueEvaluations,
                final int jacobianEvaluations, final double[] rjcpPath, final String deceptronName,
                final String deceptronStatus, final long elapsedNanos, final StopReason stopReason,
                final List<TracePoint> trace, final int krylovSteps, final int tangentEvaluations) {
        this.evaluation = evaluation;
        this.evaluations = evaluations;
        this.iterations = iterations;
        this.dipgSteps = dipgSteps;
        this.fallbackIterations = fallbackIterations;
        this.fallbacks = fallbacks;
        this.valueEvaluations = valueEvaluations;
        this.jacobianEvaluations = jacobianEvaluations;
        this.rjcpPath = rjcpPath;
        this.deceptronName = deceptronName;
        this.deceptronStatus = deceptronStatus;
        this.elapsedNanos = elapsedNanos;
        this.stopReason = stopReason;
        this.trace = List.copyOf(trace);
        this.krylovSteps = krylovSteps;
        this.tangentEvaluations = tangentEvaluations;
    }

    /**
     * Returns the number of accepted Krylov steps (Gauss-Newton steps solved by GMRES with the Deceptron as
     * preconditioner, from exact Jacobian-vector products; no Jacobian is formed).
     * @return the count
     */
    public int getKrylovSteps() {
        return krylovSteps;
    }

    /**
     * Returns the number of tangent (Jacobian-vector product) evaluations of the forward model, used by the
     * Krylov steps. Each costs about one forward solve.
     * @return the count
     */
    public int getTangentEvaluations() {
        return tangentEvaluations;
    }

    /** {@inheritDoc} */
    @Override
    public int getEvaluations() {
        return evaluations;
    }

    /** {@inheritDoc} */
    @Override
    public int getIterations() {
        return iterations;
    }

    /**
     * Returns the number of accepted learned (D-IPG) steps.
     * @return the count
     */
    public int getDipgSteps() {
        return dipgSteps;
    }

    /**
     * Returns the number of Levenberg-Marquardt outer iterations taken (as fallback, or all of them when no
     * Deceptron was used).
     * @return the count
     */
    public int getFallbackIterations() {
        return fallbackIterations;
    }

    /**
     * Returns how many times the solve fell back to Levenberg-Marquardt.
     * @return the count
     */
    public int getFallbacks() {
        return fallbacks;
    }

    /**
     * Returns the number of forward solves (value evaluations) really done.
     * @return the count
     */
    public int getValueEvaluations() {
        return valueEvaluations;
    }

    /**
     * Returns the number of Jacobian evaluations (by the optimizer, before returning).
     * @return the count
     */
    public int getJacobianEvaluations() {
        return jacobianEvaluations;
    }

    /**
     * Returns the runtime composition error measured along the path: for each accepted learned step,
     * ||g(F(x+)) - g(F(x)) - (x+ - x)||^2 / ||x+ - x||^2, i.e. how far J_g J_F is from the identity in the
     * direction actually travelled (no Jacobian needed).
     * @return a copy of the values, one per accepted learned step
     */
    public double[] getRjcpPath() {
        return rjcpPath.clone();
    }

    /**
     * Returns the last value of {@link #getRjcpPath()}.
     * @return the final RJCP, NaN when no learned step was accepted
     */
    public double getFinalRjcp() {
        return rjcpPath.length == 0 ? Double.NaN : rjcpPath[rjcpPath.length - 1];
    }

    /**
     * Returns the name of the Deceptron used.
     * @return the name, or empty when the solve was pure Levenberg-Marquardt
     */
    public Optional<String> getDeceptronName() {
        return Optional.ofNullable(deceptronName);
    }

    /**
     * Returns what the Deceptron lookup found (which one, or why none).
     * @return the status line
     */
    public String getDeceptronStatus() {
        return deceptronStatus;
    }

    /**
     * Returns the wall time of the solve.
     * @return nanoseconds
     */
    public long getElapsedNanos() {
        return elapsedNanos;
    }

    /**
     * Returns why the optimizer stopped.
     * @return the reason
     */
    public StopReason getStopReason() {
        return stopReason;
    }

    /**
     * Returns the RMS of every evaluation against time, when tracing was enabled
     * ({@link DipgOptimizer#withTrace(boolean)}).
     * @return the trace (empty when disabled)
     */
    public List<TracePoint> getTrace() {
        return trace;
    }

    /** {@inheritDoc} */
    @Override
    public RealMatrix getCovariances(final double threshold) {
        return evaluation.getCovariances(threshold);
    }

    /** {@inheritDoc} */
    @Override
    public RealVector getSigma(final double covarianceSingularityThreshold) {
        return evaluation.getSigma(covarianceSingularityThreshold);
    }

    /** {@inheritDoc} */
    @Override
    public double getRMS() {
        return evaluation.getRMS();
    }

    /** {@inheritDoc} */
    @Override
    public RealMatrix getJacobian() {
        return evaluation.getJacobian();
    }

    /** {@inheritDoc} */
    @Override
    public double getCost() {
        return evaluation.getCost();
    }

    /** {@inheritDoc} */
    @Override
    public double getChiSquare() {
        return evaluation.getChiSquare();
    }

    /** {@inheritDoc} */
    @Override
    public double getReducedChiSquare(final int numberOfFittedParameters) {
        return evaluation.getReducedChiSquare(numberOfFittedParameters);
    }

    /** {@inheritDoc} */
    @Override
    public RealVector getResiduals() {
        return evaluation.getResiduals();
    }

    /** {@inheritDoc} */
    @Override
    public RealVector getPoint() {
        return evaluation.getPoint();
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "DipgOptimum[rms=" + getRMS() + ", iterations=" + iterations + ", evaluations=" + evaluations
                + ", dipgSteps=" + dipgSteps + ", krylovSteps=" + krylovSteps + ", fallbackIterations=" + fallbackIterations + ", values="
                + valueEvaluations + ", jacobians=" + jacobianEvaluations + ", stop=" + stopReason + ", "
                + deceptronStatus + "]";
    }
}
