package org.deceptron.dipg;

import java.util.Arrays;

import org.deceptron.dipg.krylov.GaussNewtonKrylovOptimizer;
import org.deceptron.dipg.krylov.JacobianOperator;
import org.deceptron.dipg.krylov.JacobianOperators;
import org.deceptron.dipg.krylov.KrylovOptimum;
import org.deceptron.dipg.krylov.KrylovStopReason;
import org.deceptron.dipg.problem.MonitoredProblem;
import org.deceptron.dipg.problem.RmsLevelChecker;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronSession;
import org.deceptron.dipg.spi.Derivative;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.Linearization;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem.Evaluation;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Incrementor;

/**
 * One D-IPG solve: the per-solve state (buffers of size n and m, reused across iterations; counters;
 * diagnostics). Created and used by one thread inside {@link DipgOptimizer#optimize}.
 * <p>
 * The control flow is a small machine over {@link Phase}s. Each outer iteration starts in a phase: a rejected
 * step hands over, within the iteration, to the next remedy (learned step, then Krylov step when available,
 * then a Levenberg-Marquardt fallback); an accepted step or a fallback ends the iteration, and
 * {@link #next(Phase, boolean)} tells where the next one starts. Learned and Krylov steps share one trial
 * routine, {@link #backtrack(Direction, double)}.
 * </p>
 * <p>
 * The learned path (learned and Krylov steps, and the short Levenberg-Marquardt fallbacks between them) is a
 * guest in Levenberg-Marquardt's budget. It ends for the solve, and Levenberg-Marquardt runs from the current
 * (best) point to the end with whatever budget remains ({@link Phase#SAFETY_NET}), when
 * </p>
 * <ul>
 *  <li>the Deceptron misbehaves: {@code newSession} or a session call throws (any {@code RuntimeException},
 *      {@code OutOfMemoryError} or {@code StackOverflowError}), or returns a non-finite value or JVP;</li>
 *  <li>the learned path has failed twice: a second iteration needs Levenberg-Marquardt;</li>
 *  <li>when the fallbacks are matrix-free (policy {@link FallbackPolicy#AUTOMATIC}, a model with tangent and
 *      adjoint models): at the first iteration whose learned step is rejected or whose learned steps stall; the
 *      safety net is then Gauss-Newton-Krylov, which needs fewer PDE solves from there than Krylov steps
 *      preconditioned by a g that no longer helps;</li>
 *  <li>it has used its share of a limit ({@link #LEARNED_BUDGET_SHARE} of the evaluations or iterations), so
 *      that Levenberg-Marquardt keeps at least the rest.</li>
 * </ul>
 * <p>
 * A forward model whose tangent model throws or returns a non-finite product disables the Krylov step for the
 * solve. Why either happened is recorded in the diagnostics ({@link DipgOptimum#getAbandonReason()}).
 * </p>
 */
final class DipgSolve {

    /** Cap on the LM iterations of one fallback. */
    private static final int MAX_FALLBACK_CAP = 64;

    /** Largest predicted chi-square fraction left by a Krylov step worth taking. */
    private static final double KRYLOV_MIN_GAIN = 0.5;

    /** Relative linear residual at which the Krylov solve stops. */
    private static final double KRYLOV_TOLERANCE = 1.0e-3;

    /** Relative cost decrease below which a solve without checker stops. */
    private static final double COST_STAGNATION = 1.0e-10;

    /**
     * Share of the evaluation and of the iteration limit the learned path may use: once it would use more,
     * Levenberg-Marquardt gets the rest (at least half of each limit).
     */
    static final double LEARNED_BUDGET_SHARE = 0.5;

    /**
     * Initial step bound of the safety net's Levenberg-Marquardt, relative to the last accepted step (measured on
     * heat-1d and heat-2d under Levenberg-Marquardt's own limits).
     */
    static final double SAFETY_NET_STEP_BOUND = 4.0;

    /**
     * Share of the remaining evaluations and iterations a matrix-free fallback or safety net may use before
     * Levenberg-Marquardt takes over with the rest (so that the solve stays as reliable as Levenberg-Marquardt
     * where Gauss-Newton-Krylov is slow, e.g. when the checker cannot be met).
     */
    static final double MATRIX_FREE_SHARE = 0.5;

    /**
     * Most iterations of a matrix-free fallback or safety net: Gauss-Newton-Krylov needs 3-6 on the families' own
     * instances (20 per family, seed 5), so more mean the checker is out of reach and it crawls.
     */
    static final int MATRIX_FREE_ITERATIONS = 30;

    /** Number of iterations needing Levenberg-Marquardt after which the learned path is abandoned. */
    static final int MAX_LEARNED_FAILURES = 2;

    /** Where an outer iteration is. */
    private enum Phase {

        /** Try a learned step. */
        LEARNED,

        /** Try a Krylov step (after a rejected learned step, a stall or an RJCP above the gate). */
        KRYLOV,

        /** Run Levenberg-Marquardt iterations, then resume learned steps. */
        FALLBACK,

        /** The learned path is abandoned: Levenberg-Marquardt to the end, with the budget that remains. */
        SAFETY_NET,

        /** The solve is over ({@link DipgSolve#stopReason} tells why). */
        DONE
    }

    /**
     * A step direction for {@link #backtrack(Direction, double)}: where the trial point at a scale lies, and
     * the decrease of the chi-square it must achieve there.
     */
    private interface Direction {

        /**
         * Writes the trial point at a scale into {@link DipgSolve#trial}.
         * @param s the scale (alpha for a learned step, t for a Krylov step)
         */
        void trialPoint(double s);

        /**
         * Returns the chi-square decrease a trial at a scale must achieve to be accepted.
         * @param s the scale
         * @return the required decrease
         */
        double requiredDecrease(double s);
    }

    /** Settings. */
    private final DipgSettings settings;

    /** The monitored problem. */
    private final MonitoredProblem problem;

    /** The family problem (same as problem's delegate), for its tangent model. */
    private final FamilyProblem familyProblem;

    /** The model's linearization at {@link #linearizedAt}, or null before the first tangent product. */
    private Linearization linearization;

    /** The point of {@link #linearization}. */
    private double[] linearizedAt;

    /** Evaluation session (guarded: a misbehaving Deceptron raises {@link LearnedPathFailure}). */
    private final DeceptronSession session;

    /** Why the Deceptron could not open a session, or null when it did. */
    private final String sessionFailure;

    /** Whether the Krylov step was disabled during the solve (its tangent model failed). */
    private boolean krylovDisabled;

    /**
     * Whether the fallbacks and the safety net use the matrix-free Gauss-Newton-Krylov optimizer (policy
     * {@link FallbackPolicy#AUTOMATIC} and a model with tangent and adjoint models).
     */
    private final boolean matrixFree;

    /** Tangent products of the matrix-free fallbacks. */
    private int fallbackTangents;

    /** Whether {@link #gt} holds g(F(x)) at the current point (it is computed only when a step needs it). */
    private boolean gtValid;

    /** Whether {@link #gPrevious} holds g(F(x)) at {@link #xPrevious}. */
    private boolean gPreviousValid;

    /** Whether the RJCP of the last accepted learned step is still to be recorded (when g(F(x)) is computed). */
    private boolean rjcpPending;

    /** Whether the next learned step is the solve's first one (tried first as the one-shot point g(y*)). */
    private boolean firstStep = true;

    /** Whether the learned direction uses the paper's form p = g(y_p) - x for the current trial. */
    private boolean paperTrial;

    /** The one-shot point evaluated before the start (see {@link #oneShotFirst()}), null when none. */
    private double[] oneShotPoint;

    /** Its evaluation, until the first learned trial reuses it (null when none or used). */
    private Evaluation oneShotEvaluation;

    /** The RJCP of the last learned step, NaN after a Krylov step or a fallback (the gate's input). */
    private double gateRjcp = Double.NaN;

    /** Number of iterations that needed Levenberg-Marquardt. */
    private int failures;

    /** Length of the last accepted learned or Krylov step (0 before the first). */
    private double lastStepLength;

    /** Evaluation counter. */
    private final Incrementor evaluations;

    /** Iteration counter. */
    private final Incrementor iterations;

    /** Convergence checker, may be null. */
    private final ConvergenceChecker<Evaluation> checker;

    /** Diagnostics recorded along the solve. */
    private final DipgDiagnostics.Recorder recorder;

    /** Observations y*. */
    private final double[] yStar;

    /** Residual scale s. */
    private final double[] scale;

    /** Current point. */
    private final double[] x;

    /** Weighted residuals at x. */
    private final double[] r;

    /** F(x). */
    private final double[] yt;

    /** Proposal in measurement space. */
    private final double[] yp;

    /** g(F(x)). */
    private final double[] gt;

    /** g(y_p). */
    private final double[] gp;

    /** Trial point. */
    private final double[] trial;

    /** Previous point (for RJCP). */
    private final double[] xPrevious;

    /** g(F(x)) at the previous point (for RJCP). */
    private final double[] gPrevious;

    /** Cost history of accepted learned steps (stall detection). */
    private final double[] history;

    /** The learned step direction. */
    private final Direction learned = new LearnedDirection();

    /** Krylov (preconditioned Gauss-Newton) step solver, or null when disabled or not applicable. */
    private final KrylovStep krylov;

    /** Krylov step buffer. */
    private final double[] krylovStep;

    /** Current evaluation. */
    private Evaluation current;

    /** Current chi-square. */
    private double chi2;

    /** Learned steps accepted since the last fallback or Krylov step. */
    private int stepsSinceFallback;

    /** Consecutive iterations without an accepted learned step that fell back (escalates the fallback length). */
    private int consecutiveFailures;

    /** Why the solve stopped, set with {@link Phase#DONE}. */
    private StopReason stopReason;

    /**
     * Prepares a solve.
     * @param settings the settings
     * @param problem the monitored family problem
     * @param family the family problem (same as problem's delegate)
     * @param deceptron the Deceptron
     * @param status lookup status
     */
    DipgSolve(final DipgSettings settings, final MonitoredProblem problem, final FamilyProblem family,
              final Deceptron deceptron, final String status) {
        this.settings = settings;
        this.problem = problem;
        this.familyProblem = family;
        DeceptronSession raw = null;
        String failure = null;
        try {
            raw = deceptron.newSession();
            if (raw == null) {
                failure = "newSession returned null";
            }
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            failure = "newSession threw " + describe(e);
        }
        this.session = raw == null ? null : new GuardedSession(raw);
        this.sessionFailure = failure;
        this.evaluations = problem.getEvaluationCounter();
        this.iterations = problem.getIterationCounter();
        this.checker = problem.getConvergenceChecker();
        this.recorder = new DipgDiagnostics.Recorder(deceptron.name(), status, problem, System.nanoTime());
        final int n = problem.getParameterSize();
        final int m = problem.getObservationSize();
        this.yStar = family.getObserved().toArray();
        this.scale = family.getResidualScale().toArray();
        this.x = new double[n];
        this.r = new double[m];
        this.yt = new double[m];
        this.yp = new double[m];
        this.gt = new double[n];
        this.gp = new double[n];
        this.trial = new double[n];
        this.xPrevious = new double[n];
        this.gPrevious = new double[n];
        this.history = new double[settings.stallWindow() + 1];
        this.matrixFree = settings.fallbackPolicy() == FallbackPolicy.AUTOMATIC && hasTangentAndAdjoint(family);
        // with matrix-free fallbacks the Krylov step is never taken (Gauss-Newton-Krylov finishes instead)
        this.krylov = !matrixFree && settings.krylovDimension() > 0 && m == n && hasTangent(family)
                ? new KrylovStep(n, m, settings.krylovDimension(), KRYLOV_TOLERANCE, this::tangent) : null;
        this.krylovStep = krylov == null ? null : new double[n];
    }

    /**
     * Tells whether a family problem's model declares tangent and adjoint models (false when asking throws).
     * @param family the family problem
     * @return true when the fallbacks can be matrix-free
     */
    private static boolean hasTangentAndAdjoint(final FamilyProblem family) {
        try {
            return family.getModel().hasDerivative(Derivative.TANGENT)
                    && family.getModel().hasDerivative(Derivative.ADJOINT);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Tells whether a family problem's model declares a tangent model (false when asking throws).
     * @param family the family problem
     * @return true when the Krylov step can use the tangent model
     */
    private boolean hasTangent(final FamilyProblem family) {
        try {
            return family.getModel().hasDerivative(Derivative.TANGENT);
        } catch (RuntimeException e) {
            recorder.krylovDisabled(0, "the forward model's derivatives() threw " + describe(e));
            return false;
        }
    }

    /**
     * Runs the solve.
     * @return the optimum
     */
    DipgOptimum run() {
        if (oneShotFirst()) {
            return new DipgOptimum(current, recorder.finish(stopReason, evaluations.getCount(),
                    iterations.getCount(), 0));
        }
        evaluations.increment();
        setCurrent(problem.evaluate(problem.getStart()));
        Phase phase = Phase.LEARNED;
        if (session == null) {
            phase = abandon(sessionFailure);
        }
        while (phase != Phase.DONE) {
            // the first iteration's first trial may be the one-shot evaluation already made (no new evaluation)
            if (phase != Phase.SAFETY_NET && !withinLearnedBudget(1, oneShotEvaluation != null ? 0 : 1)) {
                phase = abandon(budgetReason());
            }
            if (phase == Phase.SAFETY_NET) {
                // between iterations: Levenberg-Marquardt's first iteration is the next one
                phase = safetyNet(false);
            } else {
                iterations.increment();
                phase = iteration(phase);
            }
        }
        return new DipgOptimum(current, recorder.finish(stopReason, evaluations.getCount(), iterations.getCount(),
                (krylov == null ? 0 : krylov.getTangentEvaluations()) + fallbackTangents));
    }

    /**
     * Tries the one-shot point first, before the start is evaluated, when the problem's checker looks at the
     * current evaluation alone ({@link RmsLevelChecker}, the family problems' own): x1 = x0 + rho (g(y*) - x0)
     * needs no F(x0). When x1 meets the checker the solve is over after one iteration and one forward solve (the
     * start is never evaluated; with a good Deceptron this is the common case). Otherwise the evaluation at x1 is
     * kept: the first learned trial, at the same point, reuses it, so the first iteration costs the same two
     * evaluations as without this shortcut. Only with the bias-corrected variant, a unit step size, the learned
     * path's budget for two evaluations, and a start inside the box (its projection must not move it).
     * @return true when the one-shot point ended the solve
     */
    private boolean oneShotFirst() {
        if (session == null || settings.stepVariant() != StepVariant.BIAS_CORRECTED || settings.stepSize() != 1
                || !(checker instanceof RmsLevelChecker) || !withinLearnedBudget(1, 2)) {
            return false;
        }
        final double[] start = problem.getStart().toArray();
        final double[] lo = familyProblem.getModel().lowerBounds();
        final double[] hi = familyProblem.getModel().upperBounds();
        for (int j = 0; j < start.length; j++) {
            if (!(start[j] >= lo[j] && start[j] <= hi[j])) {
                return false;
            }
        }
        System.arraycopy(start, 0, x, 0, x.length);
        paperTrial = true;
        try {
            learned.trialPoint(1.0);
        } catch (LearnedPathFailure f) {
            // the usual path meets the failure again and handles it
            return false;
        } finally {
            paperTrial = false;
        }
        boolean moved = false;
        for (int j = 0; j < trial.length; j++) {
            if (!Double.isFinite(trial[j])) {
                return false;
            }
            moved |= trial[j] != start[j];
        }
        if (!moved) {
            // the one-shot point is the start: nothing to try first
            return false;
        }
        evaluations.increment();
        final Evaluation e = problem.evaluate(new ArrayRealVector(trial, true));
        if (!checker.converged(1, e, e)) {
            oneShotPoint = trial.clone();
            oneShotEvaluation = e;
            return false;
        }
        iterations.increment();
        setCurrent(e);
        recorder.learnedStep();
        firstStep = false;
        stop(StopReason.CHECKER);
        return true;
    }

    /**
     * Runs one outer iteration.
     * @param first the phase it starts in (not {@link Phase#DONE})
     * @return the phase the next iteration starts in
     */
    private Phase iteration(final Phase first) {
        final Evaluation previous = current;
        final double chi2Before = chi2;
        Phase phase = first;
        try {
            while (phase != Phase.FALLBACK) {
                final boolean accepted = phase == Phase.LEARNED ? learnedStep() : krylovStep();
                if (accepted) {
                    final StopReason stop = convergence(previous, chi2Before);
                    return stop == null ? next(phase, true) : stop(stop);
                }
                phase = next(phase, false);
            }
            return fallback();
        } catch (LearnedPathFailure f) {
            if (current != previous) {
                // the step was accepted before the Deceptron failed at the new point: check it as usual
                final StopReason stop = convergence(previous, chi2Before);
                if (stop != null) {
                    return stop(stop);
                }
            }
            abandon(f.getMessage());
            // within this iteration: it becomes Levenberg-Marquardt's first one
            return safetyNet(true);
        }
    }

    /**
     * The transition: where the solve goes after a phase.
     * @param phase the phase just run ({@link Phase#LEARNED}, {@link Phase#KRYLOV} or {@link Phase#FALLBACK})
     * @param accepted whether its step was accepted (ignored after a fallback)
     * @return the next phase: after an acceptance or a fallback the first phase of the next iteration, after a
     * rejection the next remedy in the same iteration
     */
    private Phase next(final Phase phase, final boolean accepted) {
        if (phase == Phase.FALLBACK) {
            return Phase.LEARNED;
        }
        if (accepted && !(gateRjcp > settings.rjcpGate() || stalled())) {
            return Phase.LEARNED;
        }
        // rejected, stalled or above the RJCP gate: the Krylov step is the cheaper remedy, tried before
        // Levenberg-Marquardt (unless it is the step that was just rejected)
        // with a matrix-free safety net, Gauss-Newton-Krylov on the exact tangent and adjoint finishes the solve
        // instead (measured: on navier-stokes-2d and allen-cahn-2d it needs fewer PDE solves than GMRES steps
        // preconditioned by a stalling g followed by fallbacks)
        final boolean krylovNext = krylov != null && !krylovDisabled && !matrixFree
                && (accepted || phase == Phase.LEARNED);
        return krylovNext ? Phase.KRYLOV : Phase.FALLBACK;
    }

    /**
     * Ends the solve.
     * @param reason why
     * @return {@link Phase#DONE}
     */
    private Phase stop(final StopReason reason) {
        stopReason = reason;
        return Phase.DONE;
    }

    /**
     * Checks convergence after an accepted step: the problem's checker on (previous, current) evaluations, or
     * without a checker the stagnation of the cost.
     * @param previous the evaluation at the start of the iteration
     * @param chi2Before its chi-square
     * @return the stop reason, null to go on
     */
    private StopReason convergence(final Evaluation previous, final double chi2Before) {
        if (checker != null) {
            return checker.converged(iterations.getCount(), previous, current) ? StopReason.CHECKER : null;
        }
        return chi2 == 0 || chi2Before - chi2 <= COST_STAGNATION * chi2Before ? StopReason.COST_STAGNATION : null;
    }

    /**
     * Tries one learned step with backtracking on alpha.
     * @return true when a step was accepted
     */
    private boolean learnedStep() {
        Evaluation e = null;
        if (firstStep && settings.stepVariant() == StepVariant.BIAS_CORRECTED) {
            // the first step from the start is tried as the one-shot point x + rho (g(y*) - x): it needs no
            // g(F(x0)), and when the Deceptron is good it is the whole solve; if it is rejected, the usual
            // bias-corrected steps follow
            paperTrial = true;
            try {
                e = backtrack(learned, settings.stepSize(), 0);
            } finally {
                paperTrial = false;
            }
        }
        firstStep = false;
        if (e == null) {
            e = backtrack(learned, settings.stepSize(), settings.maxBacktracks());
        }
        if (e == null) {
            return false;
        }
        accept(e);
        rjcpPending = gPreviousValid;
        recorder.learnedStep();
        history[stepsSinceFallback % history.length] = chi2;
        stepsSinceFallback++;
        consecutiveFailures = 0;
        return true;
    }

    /**
     * Tries one Krylov (learned-preconditioner Gauss-Newton) step with backtracking.
     * @return true when a step was accepted
     */
    private boolean krylovStep() {
        final double predictedResidual;
        try {
            predictedResidual = krylov.solve(session, x, yt, r, scale, krylovStep);
        } catch (TangentFailure f) {
            krylovDisabled = true;
            recorder.krylovDisabled(iterations.getCount(), f.getMessage());
            return false;
        }
        // a step that the linear model predicts to remove less than half of the cost is not worth its
        // evaluations: Levenberg-Marquardt does better there
        if (!Double.isFinite(predictedResidual) || predictedResidual > KRYLOV_MIN_GAIN * chi2) {
            return false;
        }
        final Evaluation e = backtrack(new KrylovDirection(chi2 - predictedResidual), 1.0,
                settings.maxBacktracks());
        if (e == null) {
            return false;
        }
        accept(e);
        recorder.krylovStep();
        stepsSinceFallback = 0;
        gateRjcp = Double.NaN;
        return true;
    }

    /**
     * The trial routine of learned and Krylov steps: tries the scales s, s/2, s/4, ... (at most
     * {@code maxBacktracks + 1} of them) and returns the first trial with a real sufficient decrease of the cost.
     * A trial that does not move is skipped without evaluation; a non-finite one ends the search.
     * @param direction the step direction
     * @param firstScale the first scale
     * @param halvings the number of halvings after the first scale
     * @return the evaluation of the accepted trial, or null when none is accepted
     * @throws LearnedPathFailure when the Deceptron fails or the learned path's budget is used up
     */
    private Evaluation backtrack(final Direction direction, final double firstScale, final int halvings) {
        double s = firstScale;
        for (int k = 0; k <= halvings; k++) {
            direction.trialPoint(s);
            boolean finite = true;
            boolean moved = false;
            for (int j = 0; j < x.length; j++) {
                finite &= Double.isFinite(trial[j]);
                moved |= trial[j] != x[j];
            }
            if (!finite) {
                return null;
            }
            if (moved) {
                final Evaluation e;
                if (oneShotEvaluation != null && Arrays.equals(trial, oneShotPoint)) {
                    // made (and counted) before the start was evaluated, see oneShotFirst
                    e = oneShotEvaluation;
                } else {
                    if (!withinLearnedBudget(0, 1)) {
                        throw new LearnedPathFailure(budgetReason());
                    }
                    evaluations.increment();
                    e = problem.evaluate(new ArrayRealVector(trial, false));
                }
                // reused or not, the one-shot evaluation is of no use after the first trial
                oneShotEvaluation = null;
                final double cost = e.getCost();
                final double chi2Trial = cost * cost;
                if (chi2Trial < chi2 && chi2 - chi2Trial >= direction.requiredDecrease(s)) {
                    return e;
                }
                if (!withinLearnedBudget(0, halvings - k)) {
                    // a rejected trial when the remaining halvings no longer fit in the learned path's share
                    throw new LearnedPathFailure(budgetReason());
                }
            }
            s *= 0.5;
        }
        return null;
    }

    /**
     * Makes an accepted trial the new iterate, keeping the previous point and its g(F(x)).
     * @param e the evaluation of the trial
     */
    private void accept(final Evaluation e) {
        System.arraycopy(x, 0, xPrevious, 0, x.length);
        System.arraycopy(gt, 0, gPrevious, 0, gt.length);
        gPreviousValid = gtValid;
        setCurrent(e);
        double step = 0;
        for (int j = 0; j < x.length; j++) {
            step += (x[j] - xPrevious[j]) * (x[j] - xPrevious[j]);
        }
        lastStepLength = Math.sqrt(step);
    }

    /**
     * Makes sure {@link #gt} holds g(F(x)) at the current point, evaluating it when it does not (and then
     * recording the RJCP of the learned step that led here). g(F(x)) is not evaluated at a point where the solve
     * stops, nor after a step whose successor does not need it.
     * @throws LearnedPathFailure when the Deceptron fails
     */
    private void ensureGt() {
        if (!gtValid) {
            session.inverse(yt, gt);
            gtValid = true;
            if (rjcpPending) {
                recordRjcp();
            }
        }
        rjcpPending = false;
    }

    /**
     * Records the RJCP of the step just accepted: ||g(F(x+)) - g(F(x)) - (x+ - x)||^2 / ||x+ - x||^2.
     */
    private void recordRjcp() {
        double num = 0;
        double den = 0;
        for (int j = 0; j < x.length; j++) {
            final double dx = x[j] - xPrevious[j];
            final double d = (gt[j] - gPrevious[j]) - dx;
            num += d * d;
            den += dx * dx;
        }
        if (den > 0) {
            gateRjcp = num / den;
            recorder.rjcp(gateRjcp);
        }
    }

    /**
     * Tells whether the last learned steps made too little progress.
     * @return true when stalled
     */
    private boolean stalled() {
        final int w = settings.stallWindow();
        if (stepsSinceFallback <= w) {
            return false;
        }
        final double now = history[(stepsSinceFallback - 1) % history.length];
        final double before = history[(stepsSinceFallback - 1 - w) % history.length];
        return now > (1 - settings.stallReduction()) * before;
    }

    /**
     * Runs Levenberg-Marquardt from the current point (or stops when the policy has no fallback).
     * @return the next phase: {@link Phase#DONE} when the solve is over, else the one resuming D-IPG
     */
    private Phase fallback() {
        consecutiveFailures++;
        failures++;
        if (settings.fallbackPolicy() == FallbackPolicy.NONE) {
            return stop(StopReason.NO_ACCEPTABLE_STEP);
        }
        if (matrixFree && !krylovDisabled) {
            abandon("learned steps rejected or stalled; matrix-free Gauss-Newton-Krylov finishes");
            return safetyNet(true);
        }
        if (failures >= MAX_LEARNED_FAILURES) {
            abandon("no learned or Krylov step accepted, " + failures + " times");
            return safetyNet(true);
        }
        final int cap = Math.min(MAX_FALLBACK_CAP,
                settings.fallbackIterations() << Math.min(6, Math.max(0, consecutiveFailures - 1)));
        if (!withinLearnedBudget(cap, cap + 1)) {
            abandon(budgetReason());
            return safetyNet(true);
        }
        final FallbackProblem view = runFallback(cap, 0, settings.levenbergMarquardt());
        stepsSinceFallback = 0;
        gateRjcp = Double.NaN;
        if (view.isUserConverged()) {
            return stop(StopReason.CHECKER);
        }
        if (!view.isCapped()) {
            return stop(StopReason.LEVENBERG_MARQUARDT);
        }
        return next(Phase.FALLBACK, false);
    }

    /**
     * Records that the learned path ends for this solve.
     * @param reason why
     * @return {@link Phase#SAFETY_NET}
     */
    private Phase abandon(final String reason) {
        recorder.abandon(iterations.getCount(), reason);
        return Phase.SAFETY_NET;
    }

    /**
     * Runs Levenberg-Marquardt from the current point to the end, with the evaluations and iterations that remain:
     * its result (or its {@code MAX_COUNT_EXCEEDED}, with the original limit) is the solve's. The evaluation at the
     * current point is reused, not counted again; when called within an iteration, that iteration is
     * Levenberg-Marquardt's first one. With {@link FallbackPolicy#NONE} the solve stops instead.
     * @param withinIteration whether the current iteration was already counted
     * @return {@link Phase#DONE}
     */
    private Phase safetyNet(final boolean withinIteration) {
        if (settings.fallbackPolicy() == FallbackPolicy.NONE) {
            return stop(StopReason.NO_ACCEPTABLE_STEP);
        }
        final FallbackProblem view = runFallback(Integer.MAX_VALUE, withinIteration ? 1 : 0, safetyNetOptimizer());
        return stop(view.isUserConverged() ? StopReason.CHECKER : StopReason.LEVENBERG_MARQUARDT);
    }

    /**
     * Runs a fallback or the safety net from the current point and makes its result current: the matrix-free
     * Gauss-Newton-Krylov optimizer when {@link #matrixFree} (and the tangent model has not failed in this solve),
     * else Levenberg-Marquardt.
     * <p>Gauss-Newton-Krylov gets {@link #MATRIX_FREE_SHARE} of the remaining evaluations and iterations, and at
     * most {@link #MATRIX_FREE_ITERATIONS} iterations. When it fails its tangent or adjoint model (the Krylov steps
     * are then disabled too), or uses up its share of a small remaining budget, Levenberg-Marquardt goes on from the
     * best point reached. When it stops without the checker (no decrease, or still iterating at the cap: the regime
     * where the checker cannot be met, e.g. over-fitting noise, in which an inexact Gauss-Newton crawls down an
     * ill-conditioned valley and Levenberg-Marquardt from the point it reached crawls too), the configured
     * Levenberg-Marquardt restarts from the problem's start with
     * the budget that remains, so that the solve ends where Levenberg-Marquardt alone ends (measured on heat-1d at
     * 5x noise: Levenberg-Marquardt alone 41-47 iterations; from Gauss-Newton-Krylov's point 27-290, and the
     * iteration limit thrown). So a fallback is never less reliable than Levenberg-Marquardt alone and never costs
     * more Jacobians. The evaluation at the current point is reused and credited, never counted twice.</p>
     * @param cap successful iterations after which to hand back to D-IPG ({@code Integer.MAX_VALUE}: none)
     * @param iterationCredit 1 when the current iteration, already counted, is the fallback's first one
     * @param lm the Levenberg-Marquardt optimizer to use
     * @return the view of the optimizer that ran last (its flags tell why it stopped)
     */
    private FallbackProblem runFallback(final int cap, final int iterationCredit,
                                        final LevenbergMarquardtOptimizer lm) {
        final FallbackProblem view = new FallbackProblem(problem, current, evaluations, iterations, checker, cap,
                1, iterationCredit);
        if (!matrixFree || krylovDisabled) {
            account(view, lm.optimize(view), iterationCredit);
            return view;
        }
        view.withShare(MATRIX_FREE_SHARE, MATRIX_FREE_ITERATIONS);
        final int before = problem.getValueEvaluations();
        final GuardedOperators operators = new GuardedOperators(JacobianOperators.matrixFree(familyProblem));
        final KrylovOptimum o;
        try {
            o = new GaussNewtonKrylovOptimizer().withOperators(operators).optimize(view);
        } catch (TangentFailure | FallbackProblem.ShareExhausted f) {
            fallbackTangents += operators.tangents;
            // the evaluations and iterations made are paid
            evaluations.increment(problem.getValueEvaluations() - before);
            iterations.increment(Math.max(0, view.getUsedIterations() - iterationCredit));
            krylovDisabled = true;
            if (view.isIterationCapReached()) {
                return restartLevenbergMarquardt("still iterating after " + MATRIX_FREE_ITERATIONS + " iterations");
            }
            if (f instanceof TangentFailure) {
                recorder.krylovDisabled(iterations.getCount(), f.getMessage());
            }
            // a failed model, or a small budget's share used up: the best point reached is kept
            setCurrent(view.getBest());
            final FallbackProblem rest = new FallbackProblem(problem, current, evaluations, iterations, checker,
                    cap, 1, 0);
            account(rest, lm.optimize(rest), 0);
            return rest;
        }
        fallbackTangents += o.getTangentProducts();
        account(view, o, iterationCredit);
        if (o.getStopReason() != KrylovStopReason.NO_DECREASE || view.isUserConverged() || view.isCapped()) {
            return view;
        }
        krylovDisabled = true;
        return restartLevenbergMarquardt("it found no decrease");
    }

    /**
     * Restarts the configured Levenberg-Marquardt from the problem's start with the budget that remains, after the
     * matrix-free safety net stopped without the checker: the solve's result is then Levenberg-Marquardt's.
     * @param why why the safety net stopped
     * @return the restart's view
     */
    private FallbackProblem restartLevenbergMarquardt(final String why) {
        recorder.krylovDisabled(iterations.getCount(), "the matrix-free safety net stopped short of the tolerance ("
                + why + "); Levenberg-Marquardt restarted from the start");
        final FallbackProblem rest = FallbackProblem.restart(problem, evaluations, iterations, checker);
        account(rest, settings.levenbergMarquardt().optimize(rest), 0);
        return rest;
    }

    /**
     * Adds a fallback optimizer's counts to the solve's (minus the reused evaluation and the credited iteration)
     * and makes its result current.
     * @param view its view
     * @param o its optimum
     * @param iterationCredit the iteration credit of the view
     */
    private void account(final FallbackProblem view, final Optimum o, final int iterationCredit) {
        evaluations.increment(Math.max(0, o.getEvaluations() - view.getReusedEvaluations()));
        iterations.increment(Math.max(0, o.getIterations() - iterationCredit));
        recorder.fallback(o.getIterations());
        setCurrent(o);
    }

    /**
     * The Jacobian operators of the matrix-free fallbacks as the solve sees them: a linearization or product that
     * throws, or returns a non-finite or wrongly sized result, raises {@link TangentFailure}.
     */
    private final class GuardedOperators implements JacobianOperators {

        /** The model's operators. */
        private final JacobianOperators raw;

        /** Tangent products so far. */
        private int tangents;

        /**
         * Guards operators.
         * @param raw the model's operators
         */
        GuardedOperators(final JacobianOperators raw) {
            this.raw = raw;
        }

        /** {@inheritDoc} */
        @Override
        public boolean isMatrixFree() {
            return true;
        }

        /** {@inheritDoc} */
        @Override
        public JacobianOperator at(final Evaluation evaluation) {
            final JacobianOperator j = guard("linearize", () -> raw.at(evaluation));
            return new JacobianOperator() {
                /** {@inheritDoc} */
                @Override
                public double[] apply(final double[] v) {
                    tangents++;
                    return checked("tangent", guard("tangent", () -> j.apply(v)), r.length);
                }

                /** {@inheritDoc} */
                @Override
                public double[] applyTranspose(final double[] w) {
                    return checked("adjoint", guard("adjoint", () -> j.applyTranspose(w)), x.length);
                }
            };
        }

        /**
         * Runs a call into the model, turning what it throws into a {@link TangentFailure}.
         * @param what the call
         * @param call the call
         * @param <T> its result type
         * @return its result
         */
        private <T> T guard(final String what, final java.util.function.Supplier<T> call) {
            try {
                return call.get();
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                throw new TangentFailure("the forward model's " + what + " model threw " + describe(e));
            }
        }

        /**
         * Checks a product.
         * @param what tangent or adjoint
         * @param v the product
         * @param length its expected length
         * @return v
         */
        private double[] checked(final String what, final double[] v, final int length) {
            if (v == null || v.length != length) {
                throw new TangentFailure("the forward model's " + what + " product has length "
                        + (v == null ? "null" : v.length) + ", expected " + length);
            }
            final int bad = firstNonFinite(v);
            if (bad >= 0) {
                throw new TangentFailure("the forward model's " + what + " product is not finite (entry " + bad
                        + ": " + v[bad] + ")");
            }
            return v;
        }
    }

    /**
     * Returns the Levenberg-Marquardt optimizer of the safety net: the configured one, except that when it
     * resumes from a point the learned path reached (not the start), its initial step bound is
     * {@link #SAFETY_NET_STEP_BOUND} times the length of the last accepted step relative to the point (never more
     * than the configured factor). Levenberg-Marquardt's
     * cold-start bound, a factor times the scaled norm of the point, would otherwise let its first steps from a
     * point near the solution overshoot and cost rejected evaluations.
     * @return the optimizer
     */
    private LevenbergMarquardtOptimizer safetyNetOptimizer() {
        final LevenbergMarquardtOptimizer lm = settings.levenbergMarquardt();
        double norm = 0;
        for (final double xj : x) {
            norm += xj * xj;
        }
        if (!(lastStepLength > 0) || !(norm > 0)) {
            // nothing accepted yet: Levenberg-Marquardt as configured, from the start
            return lm;
        }
        final double factor = SAFETY_NET_STEP_BOUND * lastStepLength / Math.sqrt(norm);
        return factor < lm.getInitialStepBoundFactor() ? lm.withInitialStepBoundFactor(factor) : lm;
    }

    /**
     * Tells whether the learned path may still spend some evaluations and iterations: after them, at most
     * {@link #LEARNED_BUDGET_SHARE} of each limit is used. Always true with {@link FallbackPolicy#NONE} (no
     * safety net to save the budget for).
     * @param moreIterations iterations about to be spent
     * @param moreEvaluations evaluations about to be spent
     * @return true when within the share
     */
    private boolean withinLearnedBudget(final int moreIterations, final int moreEvaluations) {
        return settings.fallbackPolicy() == FallbackPolicy.NONE
                || iterations.getCount() + (long) moreIterations <= LEARNED_BUDGET_SHARE * iterations.getMaximalCount()
                && evaluations.getCount() + (long) moreEvaluations
                <= LEARNED_BUDGET_SHARE * evaluations.getMaximalCount();
    }

    /**
     * Describes the budget rule's reason to abandon the learned path.
     * @return the reason
     */
    private String budgetReason() {
        return String.format(java.util.Locale.ROOT,
                "its share of the budget is used (%d of %d evaluations, %d of %d iterations; the rest is kept for "
                        + "Levenberg-Marquardt)", evaluations.getCount(), evaluations.getMaximalCount(),
                iterations.getCount(), iterations.getMaximalCount());
    }

    /**
     * Describes a throwable for the diagnostics.
     * @param t the throwable
     * @return its class and message
     */
    private static String describe(final Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /**
     * Applies the forward model's exact tangent: J_F(point) direction. The only call into the model's tangent
     * model: it linearizes the model once per point ({@link ForwardModel#linearize(double[])}), so the products of
     * one Krylov step reuse the trajectory or factorisation at x.
     * A model whose linearization or product throws, or returns a non-finite or wrongly sized product, raises
     * {@link TangentFailure} (the Krylov step is then disabled for the solve).
     * @param point the point x
     * @param direction the direction v
     * @return J_F(x) v
     */
    private double[] tangent(final double[] point, final double[] direction) {
        final double[] jv;
        try {
            if (linearization == null || !Arrays.equals(point, linearizedAt)) {
                linearization = null;
                final Linearization l = familyProblem.getModel().linearize(point);
                if (l == null) {
                    throw new TangentFailure("the forward model's linearize returned null");
                }
                linearization = l;
                linearizedAt = point.clone();
            }
            jv = linearization.jvp(direction);
        } catch (TangentFailure f) {
            throw f;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new TangentFailure("the forward model's tangent model threw " + describe(e));
        }
        if (jv == null || jv.length != r.length) {
            throw new TangentFailure("the forward model's tangent product has length "
                    + (jv == null ? "null" : jv.length) + ", expected " + r.length);
        }
        final int bad = firstNonFinite(jv);
        if (bad >= 0) {
            throw new TangentFailure("the forward model's tangent product is not finite (entry " + bad + ": "
                    + jv[bad] + ")");
        }
        return jv;
    }

    /**
     * Returns the index of the first non-finite entry.
     * @param v the values
     * @return the index, -1 when all are finite
     */
    private static int firstNonFinite(final double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Makes an evaluation current and refreshes x, r, F(x).
     * @param e the evaluation
     */
    private void setCurrent(final Evaluation e) {
        current = e;
        gtValid = false;
        rjcpPending = false;
        // the getters already return fresh vectors: read them in place rather than copying twice
        System.arraycopy(data(e.getPoint()), 0, x, 0, x.length);
        final double[] res = data(e.getResiduals());
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            r[i] = res[i];
            yt[i] = yStar[i] - scale[i] * res[i];
            s += res[i] * res[i];
        }
        chi2 = s;
    }

    /**
     * Returns the entries of a vector without copying when it is array-backed.
     * @param v the vector (not kept)
     * @return its entries (read only)
     */
    private static double[] data(final RealVector v) {
        return v instanceof ArrayRealVector ? ((ArrayRealVector) v).getDataRef() : v.toArray();
    }

    /**
     * The learned step at alpha: x + rho p, p = g(y_p) - g(F(x)) (or g(y_p) - x, {@link StepVariant#PAPER}),
     * y_p = F(x) + alpha s r; it must achieve c times the reduction a Gauss-Newton step of length
     * min(1, rho alpha) would predict.
     */
    private final class LearnedDirection implements Direction {

        /** {@inheritDoc} */
        @Override
        public void trialPoint(final double alpha) {
            final boolean paper = paperTrial || settings.stepVariant() == StepVariant.PAPER;
            if (paper && alpha == 1) {
                // the one-shot target itself (F(x) + (y* - F(x)) = y*, without rounding)
                System.arraycopy(yStar, 0, yp, 0, yp.length);
            } else {
                for (int i = 0; i < r.length; i++) {
                    yp[i] = yt[i] + alpha * scale[i] * r[i];
                }
            }
            if (!paper) {
                ensureGt();
            }
            session.inverse(yp, gp);
            final double rho = settings.relaxation();
            for (int j = 0; j < x.length; j++) {
                final double p = paper ? gp[j] - x[j] : gp[j] - gt[j];
                trial[j] = x[j] + rho * p;
            }
        }

        /** {@inheritDoc} */
        @Override
        public double requiredDecrease(final double alpha) {
            final double t = Math.min(1.0, settings.relaxation() * alpha);
            final double predicted = (1 - (1 - t) * (1 - t)) * chi2;
            return settings.acceptanceConstant() * predicted;
        }
    }

    /**
     * The Krylov step at t: x + t p, p from {@link KrylovStep#solve}; it must achieve c times the reduction the
     * linearised model predicts along the step.
     */
    private final class KrylovDirection implements Direction {

        /** Reduction of the chi-square the linearised model predicts for the full step. */
        private final double gain;

        /**
         * Creates the direction of the step in {@link DipgSolve#krylovStep}.
         * @param gain the predicted reduction of the full step
         */
        KrylovDirection(final double gain) {
            this.gain = gain;
        }

        /** {@inheritDoc} */
        @Override
        public void trialPoint(final double t) {
            for (int j = 0; j < x.length; j++) {
                trial[j] = x[j] + t * krylovStep[j];
            }
        }

        /** {@inheritDoc} */
        @Override
        public double requiredDecrease(final double t) {
            return settings.acceptanceConstant() * (2 * t - t * t) * gain;
        }
    }

    /**
     * The Deceptron's session as the solve sees it: each call that throws (a {@code RuntimeException}, an
     * {@code OutOfMemoryError} or a {@code StackOverflowError}) or writes a non-finite value raises
     * {@link LearnedPathFailure}, which ends the learned path.
     */
    private static final class GuardedSession implements DeceptronSession {

        /** The Deceptron's own session. */
        private final DeceptronSession raw;

        /**
         * Guards a session.
         * @param raw the session
         */
        GuardedSession(final DeceptronSession raw) {
            this.raw = raw;
        }

        /** {@inheritDoc} */
        @Override
        public void inverse(final double[] y, final double[] out) {
            try {
                raw.inverse(y, out);
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                throw new LearnedPathFailure("Deceptron session threw " + describe(e) + " in inverse");
            }
            check("g(y)", out);
        }

        /** {@inheritDoc} */
        @Override
        public void inverseJvp(final double[] y, final double[] dy, final double[] out, final double[] dOut) {
            try {
                raw.inverseJvp(y, dy, out, dOut);
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                throw new LearnedPathFailure("Deceptron session threw " + describe(e) + " in inverseJvp");
            }
            check("g(y)", out);
            check("the JVP of g", dOut);
        }

        /** {@inheritDoc} */
        @Override
        public void forward(final double[] in, final double[] out) {
            try {
                raw.forward(in, out);
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                throw new LearnedPathFailure("Deceptron session threw " + describe(e) + " in forward");
            }
            check("f(x)", out);
        }

        /** {@inheritDoc} */
        @Override
        public void forwardJvp(final double[] in, final double[] dIn, final double[] out, final double[] dOut) {
            try {
                raw.forwardJvp(in, dIn, out, dOut);
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                throw new LearnedPathFailure("Deceptron session threw " + describe(e) + " in forwardJvp");
            }
            check("f(x)", out);
            check("the JVP of f", dOut);
        }

        /**
         * Checks an output of the Deceptron.
         * @param what what it is
         * @param v its values
         */
        private static void check(final String what, final double[] v) {
            final int bad = firstNonFinite(v);
            if (bad >= 0) {
                throw new LearnedPathFailure("Deceptron output not finite: " + what + " has entry " + bad + " = "
                        + v[bad]);
            }
        }
    }

    /**
     * Why the learned path ends (a misbehaving Deceptron, or its budget used up); caught by the solve, never seen
     * by the caller. Carries no stack trace.
     */
    private static final class LearnedPathFailure extends RuntimeException {

        /** Serializable version identifier. */
        private static final long serialVersionUID = 20261201L;

        /**
         * Creates the failure.
         * @param reason why, for the diagnostics
         */
        LearnedPathFailure(final String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The forward model's tangent model failed: the Krylov step is disabled for the solve. Caught by the solve,
     * never seen by the caller. Carries no stack trace.
     */
    private static final class TangentFailure extends RuntimeException {

        /** Serializable version identifier. */
        private static final long serialVersionUID = 20261201L;

        /**
         * Creates the failure.
         * @param reason why, for the diagnostics
         */
        TangentFailure(final String reason) {
            super(reason, null, false, false);
        }
    }
}
