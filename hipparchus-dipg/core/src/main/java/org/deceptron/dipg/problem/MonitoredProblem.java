package org.deceptron.dipg.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresAdapter;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;

/**
 * Decorates a problem to count what an optimizer really asks of the model: value evaluations (calls of
 * {@link #evaluate(RealVector)}) and Jacobian evaluations (evaluations whose Jacobian was requested, each counted
 * once), and optionally to record the cost of every evaluation against time (for residual-vs-time plots).
 * <p>One instance per solve: not thread safe.</p>
 */
public final class MonitoredProblem extends LeastSquaresAdapter {

    /** Time origin. */
    private final long origin;

    /** Whether to record the trace. */
    private final boolean tracing;

    /** Recorded trace. */
    private final List<TracePoint> trace;

    /** Number of value evaluations. */
    private int valueEvaluations;

    /** Number of Jacobian evaluations. */
    private int jacobianEvaluations;

    /**
     * Decorates a problem.
     * @param problem the problem
     * @param tracing whether to record the cost of every evaluation against time
     */
    public MonitoredProblem(final LeastSquaresProblem problem, final boolean tracing) {
        super(problem);
        this.origin = System.nanoTime();
        this.tracing = tracing;
        this.trace = tracing ? new ArrayList<>() : Collections.emptyList();
    }

    /** {@inheritDoc} */
    @Override
    public Evaluation evaluate(final RealVector point) {
        final Evaluation e = super.evaluate(point);
        valueEvaluations++;
        if (tracing) {
            final double rms = e.getRMS();
            trace.add(new TracePoint(System.nanoTime() - origin, rms, valueEvaluations, jacobianEvaluations));
        }
        return new CountingEvaluation(e);
    }

    /**
     * Returns the number of value evaluations so far.
     * @return the count
     */
    public int getValueEvaluations() {
        return valueEvaluations;
    }

    /**
     * Returns the number of Jacobian evaluations so far.
     * @return the count
     */
    public int getJacobianEvaluations() {
        return jacobianEvaluations;
    }

    /**
     * Returns the recorded trace (empty when not tracing).
     * @return an unmodifiable copy of the trace
     */
    public List<TracePoint> getTrace() {
        return Collections.unmodifiableList(new ArrayList<>(trace));
    }

    /**
     * Unwraps an evaluation returned by this problem.
     * @param evaluation the evaluation
     * @return the decorated evaluation, or the argument when it is not one of ours
     */
    public static Evaluation unwrap(final Evaluation evaluation) {
        return evaluation instanceof CountingEvaluation ? ((CountingEvaluation) evaluation).delegate : evaluation;
    }

    /** One point of the trace: elapsed time and RMS of one evaluation. */
    public static final class TracePoint {

        /** Nanoseconds since the problem was decorated. */
        private final long nanos;

        /** Weighted residual RMS of the evaluation. */
        private final double rms;

        /** Value evaluations so far. */
        private final int values;

        /** Jacobian evaluations so far. */
        private final int jacobians;

        /**
         * Creates a point.
         * @param nanos elapsed nanoseconds
         * @param rms residual RMS
         * @param values value evaluations so far
         * @param jacobians Jacobian evaluations so far
         */
        TracePoint(final long nanos, final double rms, final int values, final int jacobians) {
            this.nanos = nanos;
            this.rms = rms;
            this.values = values;
            this.jacobians = jacobians;
        }

        /**
         * Returns the elapsed time.
         * @return nanoseconds since the start of the solve
         */
        public long getNanos() {
            return nanos;
        }

        /**
         * Returns the RMS.
         * @return the weighted residual RMS of this evaluation
         */
        public double getRms() {
            return rms;
        }

        /**
         * Returns the number of value evaluations so far.
         * @return the count
         */
        public int getValueEvaluations() {
            return values;
        }

        /**
         * Returns the number of Jacobian evaluations so far.
         * @return the count
         */
        public int getJacobianEvaluations() {
            return jacobians;
        }
    }

    /** Evaluation that counts the first Jacobian request. */
    private final class CountingEvaluation implements Evaluation {

        /** Decorated evaluation. */
        private final Evaluation delegate;

        /** Whether the Jacobian was already counted. */
        private boolean counted;

        /**
         * Wraps an evaluation.
         * @param delegate the evaluation
         */
        CountingEvaluation(final Evaluation delegate) {
            this.delegate = delegate;
        }

        /** {@inheritDoc} */
        @Override
        public RealMatrix getCovariances(final double threshold) {
            count();
            return delegate.getCovariances(threshold);
        }

        /** {@inheritDoc} */
        @Override
        public RealVector getSigma(final double covarianceSingularityThreshold) {
            count();
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
            count();
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

        /** Counts the first Jacobian request. */
        private void count() {
            if (!counted) {
                counted = true;
                jacobianEvaluations++;
            }
        }
    }
}
