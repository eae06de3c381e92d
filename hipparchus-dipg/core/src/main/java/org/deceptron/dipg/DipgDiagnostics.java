package org.deceptron.dipg;

import java.util.Arrays;
import java.util.List;

import org.deceptron.dipg.problem.MonitoredProblem;
import org.deceptron.dipg.problem.MonitoredProblem.TracePoint;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;

/**
 * What one solve did, as one immutable value: why it stopped, which Deceptron it used, the counters (the
 * problem's evaluations and iterations; learned, Krylov and Levenberg-Marquardt steps; forward, Jacobian and
 * tangent evaluations), the RJCP path, the wall time and the optional residual trace. A {@link DipgOptimum} is
 * this value plus the evaluation at the returned point. Built by a {@link Recorder} along the solve, or at once
 * for a pure Levenberg-Marquardt solve.
 */
final class DipgDiagnostics {

    /** Why the solve stopped. */
    private final StopReason stopReason;

    /** Name of the Deceptron used, or null for a pure Levenberg-Marquardt solve. */
    private final String deceptronName;

    /** What the Deceptron lookup found. */
    private final String deceptronStatus;

    /** The problem's evaluation counter at the end. */
    private final int evaluations;

    /** The problem's iteration counter at the end. */
    private final int iterations;

    /** Accepted learned steps. */
    private final int dipgSteps;

    /** Accepted Krylov steps. */
    private final int krylovSteps;

    /** Number of Levenberg-Marquardt fallbacks. */
    private final int fallbacks;

    /** Levenberg-Marquardt iterations (in fallbacks, or all of a pure Levenberg-Marquardt solve). */
    private final int fallbackIterations;

    /** Forward solves (value evaluations) really done. */
    private final int valueEvaluations;

    /** Jacobian evaluations. */
    private final int jacobianEvaluations;

    /** Tangent (Jacobian-vector product) evaluations of the forward model. */
    private final int tangentEvaluations;

    /** RJCP of each accepted learned step (owned). */
    private final double[] rjcpPath;

    /** Wall time. */
    private final long elapsedNanos;

    /** Residual trace, possibly empty (unmodifiable). */
    private final List<TracePoint> trace;

    /** When and why the learned path was abandoned, or null when it was not. */
    private final String abandonReason;

    /** When and why the Krylov step was disabled, or null when it was not. */
    private final String krylovDisabledReason;

    /**
     * Creates the diagnostics at the end of a solve.
     * @param recorder what the solve recorded
     * @param stopReason why it stopped
     * @param evaluations the problem's evaluation counter
     * @param iterations the problem's iteration counter
     * @param tangentEvaluations tangent evaluations of the forward model
     */
    private DipgDiagnostics(final Recorder recorder, final StopReason stopReason, final int evaluations,
                            final int iterations, final int tangentEvaluations) {
        this.stopReason = stopReason;
        this.deceptronName = recorder.deceptronName;
        this.deceptronStatus = recorder.deceptronStatus;
        this.evaluations = evaluations;
        this.iterations = iterations;
        this.dipgSteps = recorder.dipgSteps;
        this.krylovSteps = recorder.krylovSteps;
        this.fallbacks = recorder.fallbacks;
        this.fallbackIterations = recorder.fallbackIterations;
        this.valueEvaluations = recorder.problem.getValueEvaluations();
        this.jacobianEvaluations = recorder.problem.getJacobianEvaluations();
        this.tangentEvaluations = tangentEvaluations;
        this.rjcpPath = Arrays.copyOf(recorder.rjcp, recorder.rjcpCount);
        this.elapsedNanos = System.nanoTime() - recorder.startNanos;
        this.trace = List.copyOf(recorder.problem.getTrace());
        this.abandonReason = recorder.abandonReason;
        this.krylovDisabledReason = recorder.krylovDisabledReason;
    }

    /**
     * Returns the diagnostics of a pure Levenberg-Marquardt solve (no Deceptron): every iteration is a
     * Levenberg-Marquardt iteration, there is no fallback, learned or Krylov step.
     * @param optimum Levenberg-Marquardt's optimum
     * @param problem the monitored problem it solved
     * @param deceptronStatus why no Deceptron was used
     * @param startNanos {@link System#nanoTime()} at the start of the solve
     * @return the diagnostics
     */
    static DipgDiagnostics levenbergMarquardt(final Optimum optimum, final MonitoredProblem problem,
                                              final String deceptronStatus, final long startNanos) {
        final Recorder recorder = new Recorder(null, deceptronStatus, problem, startNanos);
        recorder.fallbackIterations = optimum.getIterations();
        return recorder.finish(StopReason.LEVENBERG_MARQUARDT, optimum.getEvaluations(), optimum.getIterations(), 0);
    }

    /**
     * Returns why the solve stopped.
     * @return the reason
     */
    StopReason stopReason() {
        return stopReason;
    }

    /**
     * Returns the name of the Deceptron used.
     * @return the name, null for a pure Levenberg-Marquardt solve
     */
    String deceptronName() {
        return deceptronName;
    }

    /**
     * Returns what the Deceptron lookup found.
     * @return the status line
     */
    String deceptronStatus() {
        return deceptronStatus;
    }

    /**
     * Returns the problem's evaluation count.
     * @return the count
     */
    int evaluations() {
        return evaluations;
    }

    /**
     * Returns the problem's iteration count.
     * @return the count
     */
    int iterations() {
        return iterations;
    }

    /**
     * Returns the number of accepted learned steps.
     * @return the count
     */
    int dipgSteps() {
        return dipgSteps;
    }

    /**
     * Returns the number of accepted Krylov steps.
     * @return the count
     */
    int krylovSteps() {
        return krylovSteps;
    }

    /**
     * Returns the number of Levenberg-Marquardt fallbacks.
     * @return the count
     */
    int fallbacks() {
        return fallbacks;
    }

    /**
     * Returns the number of Levenberg-Marquardt iterations.
     * @return the count
     */
    int fallbackIterations() {
        return fallbackIterations;
    }

    /**
     * Returns the number of forward solves.
     * @return the count
     */
    int valueEvaluations() {
        return valueEvaluations;
    }

    /**
     * Returns the number of Jacobian evaluations.
     * @return the count
     */
    int jacobianEvaluations() {
        return jacobianEvaluations;
    }

    /**
     * Returns the number of tangent evaluations of the forward model.
     * @return the count
     */
    int tangentEvaluations() {
        return tangentEvaluations;
    }

    /**
     * Returns the RJCP path.
     * @return a copy, one value per accepted learned step
     */
    double[] rjcpPath() {
        return rjcpPath.clone();
    }

    /**
     * Returns the last RJCP of the path.
     * @return the value, NaN when the path is empty
     */
    double finalRjcp() {
        return rjcpPath.length == 0 ? Double.NaN : rjcpPath[rjcpPath.length - 1];
    }

    /**
     * Returns the wall time.
     * @return nanoseconds
     */
    long elapsedNanos() {
        return elapsedNanos;
    }

    /**
     * Returns the residual trace.
     * @return the trace (unmodifiable, empty when not recorded)
     */
    List<TracePoint> trace() {
        return trace;
    }

    /**
     * Returns when and why the learned path was abandoned.
     * @return e.g. "learned path abandoned at iteration 3: Deceptron output not finite: ...", null when it was not
     */
    String abandonReason() {
        return abandonReason;
    }

    /**
     * Returns when and why the Krylov step was disabled.
     * @return e.g. "Krylov step disabled at iteration 2: the forward model's tangent model threw ...", null when
     * it was not
     */
    String krylovDisabledReason() {
        return krylovDisabledReason;
    }

    /**
     * What a solve records as it goes (mutable, confined to one solve), until {@link #finish} turns it into
     * diagnostics. The forward and Jacobian evaluations and the trace are read from the monitored problem then.
     */
    static final class Recorder {

        /** Name of the Deceptron, or null. */
        private final String deceptronName;

        /** Lookup status. */
        private final String deceptronStatus;

        /** The monitored problem. */
        private final MonitoredProblem problem;

        /** Start time. */
        private final long startNanos;

        /** Accepted learned steps. */
        private int dipgSteps;

        /** Accepted Krylov steps. */
        private int krylovSteps;

        /** Fallbacks. */
        private int fallbacks;

        /** Levenberg-Marquardt iterations. */
        private int fallbackIterations;

        /** RJCP values (first {@link #rjcpCount} entries). */
        private double[] rjcp = new double[16];

        /** Number of RJCP values. */
        private int rjcpCount;

        /** When and why the learned path was abandoned, or null. */
        private String abandonReason;

        /** When and why the Krylov step was disabled, or null. */
        private String krylovDisabledReason;

        /**
         * Starts recording.
         * @param deceptronName name of the Deceptron used, or null
         * @param deceptronStatus what the lookup found
         * @param problem the monitored problem
         * @param startNanos {@link System#nanoTime()} at the start of the solve
         */
        Recorder(final String deceptronName, final String deceptronStatus, final MonitoredProblem problem,
                 final long startNanos) {
            this.deceptronName = deceptronName;
            this.deceptronStatus = deceptronStatus;
            this.problem = problem;
            this.startNanos = startNanos;
        }

        /** Records an accepted learned step. */
        void learnedStep() {
            dipgSteps++;
        }

        /**
         * Appends the RJCP measured along an accepted learned step to the path.
         * @param value the RJCP
         */
        void rjcp(final double value) {
            if (rjcpCount == rjcp.length) {
                rjcp = Arrays.copyOf(rjcp, 2 * rjcpCount);
            }
            rjcp[rjcpCount++] = value;
        }

        /** Records an accepted Krylov step. */
        void krylovStep() {
            krylovSteps++;
        }

        /**
         * Records a Levenberg-Marquardt fallback.
         * @param lmIterations the iterations it took
         */
        void fallback(final int lmIterations) {
            fallbacks++;
            fallbackIterations += lmIterations;
        }

        /**
         * Records that the learned path ends for the solve (the first call counts).
         * @param iteration the problem's iteration count then
         * @param reason why
         */
        void abandon(final int iteration, final String reason) {
            if (abandonReason == null) {
                abandonReason = "learned path abandoned at iteration " + iteration + ": " + reason;
            }
        }

        /**
         * Records that the Krylov step is disabled for the solve (the first call counts).
         * @param iteration the problem's iteration count then
         * @param reason why
         */
        void krylovDisabled(final int iteration, final String reason) {
            if (krylovDisabledReason == null) {
                krylovDisabledReason = "Krylov step disabled at iteration " + iteration + ": " + reason;
            }
        }

        /**
         * Returns the RJCP of the last accepted learned step.
         * @return the value, NaN when none was recorded
         */
        double lastRjcp() {
            return rjcpCount == 0 ? Double.NaN : rjcp[rjcpCount - 1];
        }

        /**
         * Ends the recording.
         * @param stopReason why the solve stopped
         * @param evaluations the problem's evaluation counter
         * @param iterations the problem's iteration counter
         * @param tangentEvaluations tangent evaluations of the forward model
         * @return the diagnostics
         */
        DipgDiagnostics finish(final StopReason stopReason, final int evaluations, final int iterations,
                               final int tangentEvaluations) {
            return new DipgDiagnostics(this, stopReason, evaluations, iterations, tangentEvaluations);
        }
    }
}
