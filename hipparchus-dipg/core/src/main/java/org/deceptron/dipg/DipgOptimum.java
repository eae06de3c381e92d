package org.deceptron.dipg;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.deceptron.dipg.problem.ForwardingEvaluation;
import org.deceptron.dipg.problem.MonitoredProblem.TracePoint;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem.Evaluation;

/**
 * The result of {@link DipgOptimizer}: an {@link LeastSquaresOptimizer.Optimum} with Levenberg-Marquardt's
 * semantics (the statistics come from the problem's own evaluation at the returned point; the counters are the
 * problem's) plus diagnostics of the D-IPG path, with a one-line {@link #briefReport()} and a
 * {@link #fullReport()} (as Ceres Solver's {@code Summary}). Immutable (the wrapped evaluation aside).
 */
public final class DipgOptimum extends ForwardingEvaluation implements LeastSquaresOptimizer.Optimum {

    /** What the solve did. */
    private final DipgDiagnostics diagnostics;

    /**
     * Creates an optimum (see {@link DipgOptimizer}).
     * @param evaluation evaluation at the returned point
     * @param diagnostics what the solve did
     */
    DipgOptimum(final Evaluation evaluation, final DipgDiagnostics diagnostics) {
        super(evaluation);
        this.diagnostics = diagnostics;
    }

    /**
     * Returns the number of accepted Krylov steps (Gauss-Newton steps solved by GMRES with the Deceptron as
     * preconditioner, from exact Jacobian-vector products; no Jacobian is formed).
     * @return the count
     */
    public int getKrylovSteps() {
        return diagnostics.krylovSteps();
    }

    /**
     * Returns the number of tangent (Jacobian-vector product) evaluations of the forward model, used by the
     * Krylov steps. Each costs about one forward solve.
     * @return the count
     */
    public int getTangentEvaluations() {
        return diagnostics.tangentEvaluations();
    }

    /** {@inheritDoc} */
    @Override
    public int getEvaluations() {
        return diagnostics.evaluations();
    }

    /** {@inheritDoc} */
    @Override
    public int getIterations() {
        return diagnostics.iterations();
    }

    /**
     * Returns the number of accepted learned (D-IPG) steps.
     * @return the count
     */
    public int getDipgSteps() {
        return diagnostics.dipgSteps();
    }

    /**
     * Returns the number of Levenberg-Marquardt outer iterations taken (as fallback, or all of them when no
     * Deceptron was used).
     * @return the count
     */
    public int getFallbackIterations() {
        return diagnostics.fallbackIterations();
    }

    /**
     * Returns how many times the solve fell back to Levenberg-Marquardt.
     * @return the count
     */
    public int getFallbacks() {
        return diagnostics.fallbacks();
    }

    /**
     * Returns the number of forward solves (value evaluations) really done.
     * @return the count
     */
    public int getValueEvaluations() {
        return diagnostics.valueEvaluations();
    }

    /**
     * Returns the number of Jacobian evaluations (by the optimizer, before returning).
     * @return the count
     */
    public int getJacobianEvaluations() {
        return diagnostics.jacobianEvaluations();
    }

    /**
     * Returns the runtime composition error measured along the path: for each accepted learned step,
     * ||g(F(x+)) - g(F(x)) - (x+ - x)||^2 / ||x+ - x||^2, i.e. how far J_g J_F is from the identity in the
     * direction actually travelled (no Jacobian needed).
     * @return a copy of the values, one per accepted learned step
     */
    public double[] getRjcpPath() {
        return diagnostics.rjcpPath();
    }

    /**
     * Returns the last value of {@link #getRjcpPath()}.
     * @return the final RJCP, NaN when no learned step was accepted
     */
    public double getFinalRjcp() {
        return diagnostics.finalRjcp();
    }

    /**
     * Returns the name of the Deceptron used.
     * @return the name, or empty when the solve was pure Levenberg-Marquardt
     */
    public Optional<String> getDeceptronName() {
        return Optional.ofNullable(diagnostics.deceptronName());
    }

    /**
     * Returns what the Deceptron lookup found (which one, or why none), followed by when and why the learned path
     * was abandoned and the Krylov step disabled, when they were (see {@link #getAbandonReason()} and
     * {@link #getKrylovDisabledReason()}).
     * @return the status line
     */
    public String getDeceptronStatus() {
        final StringBuilder sb = new StringBuilder(diagnostics.deceptronStatus());
        getAbandonReason().ifPresent(a -> sb.append("; ").append(a));
        getKrylovDisabledReason().ifPresent(k -> sb.append("; ").append(k));
        return sb.toString();
    }

    /**
     * Returns when and why the learned path was abandoned for this solve (a misbehaving Deceptron, two failed
     * learned iterations, or the learned path's share of the budget used), after which Levenberg-Marquardt ran
     * from the point reached to the end.
     * @return e.g. "learned path abandoned at iteration 3: Deceptron output not finite: g(y) has entry 0 = NaN",
     * empty when the learned path was used throughout (or no Deceptron was used)
     */
    public Optional<String> getAbandonReason() {
        return Optional.ofNullable(diagnostics.abandonReason());
    }

    /**
     * Returns when and why the Krylov step was disabled for this solve (the forward model's tangent model threw
     * or returned a non-finite product).
     * @return the reason, empty when it was not disabled
     */
    public Optional<String> getKrylovDisabledReason() {
        return Optional.ofNullable(diagnostics.krylovDisabledReason());
    }

    /**
     * Returns the wall time of the solve.
     * @return nanoseconds
     */
    public long getElapsedNanos() {
        return diagnostics.elapsedNanos();
    }

    /**
     * Returns why the optimizer stopped.
     * @return the reason
     */
    public StopReason getStopReason() {
        return diagnostics.stopReason();
    }

    /**
     * Returns the RMS of every evaluation against time, when tracing was enabled
     * ({@link DipgOptimizer#withTrace(boolean)}).
     * @return the trace (empty when disabled)
     */
    public List<TracePoint> getTrace() {
        return diagnostics.trace();
    }

    /**
     * Returns a one-line summary of the solve (as Ceres Solver's {@code BriefReport}): why it stopped, the final
     * RMS, the iterations by kind, the evaluations and the time; then when and why the learned path was
     * abandoned or the Krylov step disabled, when they were.
     * @return the line
     */
    public String briefReport() {
        final StringBuilder notes = new StringBuilder();
        getAbandonReason().ifPresent(a -> notes.append("; ").append(a));
        getKrylovDisabledReason().ifPresent(k -> notes.append("; ").append(k));
        return String.format(Locale.ROOT,
                "D-IPG: %s, rms %.6g, %d iterations (%d learned, %d Krylov, %d LM in %d fallbacks), "
                        + "%d evaluations (%d forward, %d Jacobian, %d tangent), %.3f ms",
                getStopReason(), getRMS(), getIterations(), getDipgSteps(), getKrylovSteps(),
                getFallbackIterations(), getFallbacks(), getEvaluations(), getValueEvaluations(),
                getJacobianEvaluations(), getTangentEvaluations(), getElapsedNanos() * 1.0e-6) + notes;
    }

    /**
     * Returns a multi-line report of the solve (as Ceres Solver's {@code FullReport}): the Deceptron lookup,
     * the result, every counter, the RJCP path summary and the time.
     * @return the report, one item per line
     */
    public String fullReport() {
        final double[] rjcp = getRjcpPath();
        double rjcpMax = Double.NaN;
        for (final double v : rjcp) {
            rjcpMax = Double.isNaN(rjcpMax) ? v : Math.max(rjcpMax, v);
        }
        final StringBuilder sb = new StringBuilder();
        sb.append("D-IPG solver report\n");
        line(sb, "Deceptron", getDeceptronName().orElse("none (Levenberg-Marquardt)"));
        line(sb, "Lookup", diagnostics.deceptronStatus());
        if (getDeceptronName().isPresent()) {
            line(sb, "Learned path", getAbandonReason().orElse("used throughout"));
        }
        getKrylovDisabledReason().ifPresent(k -> line(sb, "Krylov step", k));
        line(sb, "Termination", getStopReason());
        line(sb, "Cost", String.format(Locale.ROOT, "%.6e", getCost()));
        line(sb, "RMS", String.format(Locale.ROOT, "%.6e", getRMS()));
        line(sb, "Iterations", getIterations());
        line(sb, "  learned steps", getDipgSteps());
        line(sb, "  Krylov steps", getKrylovSteps());
        line(sb, "  LM iterations", getFallbackIterations());
        line(sb, "  fallbacks", getFallbacks());
        line(sb, "Evaluations", getEvaluations());
        line(sb, "  forward solves", getValueEvaluations());
        line(sb, "  Jacobians", getJacobianEvaluations());
        line(sb, "  tangents", getTangentEvaluations());
        line(sb, "RJCP", String.format(Locale.ROOT, "%d values, final %.3e, max %.3e", rjcp.length,
                getFinalRjcp(), rjcpMax));
        line(sb, "Trace points", getTrace().size());
        line(sb, "Time", String.format(Locale.ROOT, "%.3f ms", getElapsedNanos() * 1.0e-6));
        return sb.toString();
    }

    /**
     * Appends one line of the full report.
     * @param sb the report
     * @param name the item
     * @param value its value
     */
    private static void line(final StringBuilder sb, final String name, final Object value) {
        sb.append(String.format(Locale.ROOT, "%-18s %s\n", name, value));
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "DipgOptimum[rms=" + getRMS() + ", iterations=" + getIterations() + ", evaluations="
                + getEvaluations() + ", dipgSteps=" + getDipgSteps() + ", krylovSteps=" + getKrylovSteps()
                + ", fallbackIterations=" + getFallbackIterations() + ", values=" + getValueEvaluations()
                + ", jacobians=" + getJacobianEvaluations() + ", stop=" + getStopReason() + ", "
                + getDeceptronStatus() + "]";
    }
}
