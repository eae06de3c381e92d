package org.deceptron.dipg;

import java.util.Arrays;

import org.deceptron.dipg.problem.MonitoredProblem;
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

    /** Where an outer iteration is. */
    private enum Phase {

        /** Try a learned step. */
        LEARNED,

        /** Try a Krylov step (after a rejected learned step, a stall or an RJCP above the gate). */
        KRYLOV,

        /** Run Levenberg-Marquardt iterations, then resume learned steps. */
        FALLBACK,

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

    /** Evaluation session. */
    private final DeceptronSession session;

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
        this.session = deceptron.newSession();
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
        this.krylov = settings.krylovDimension() > 0 && m == n
                && family.getModel().hasDerivative(Derivative.TANGENT)
                ? new KrylovStep(n, m, settings.krylovDimension(), KRYLOV_TOLERANCE, this::tangent) : null;
        this.krylovStep = krylov == null ? null : new double[n];
    }

    /**
     * Runs the solve.
     * @return the optimum
     */
    DipgOptimum run() {
        evaluations.increment();
        setCurrent(problem.evaluate(problem.getStart()));
        session.inverse(yt, gt);
        Phase phase = Phase.LEARNED;
        while (phase != Phase.DONE) {
            iterations.increment();
            phase = iteration(phase);
        }
        return new DipgOptimum(current, recorder.finish(stopReason, evaluations.getCount(), iterations.getCount(),
                krylov == null ? 0 : krylov.getTangentEvaluations()));
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
        while (phase != Phase.FALLBACK) {
            final boolean accepted = phase == Phase.LEARNED ? learnedStep() : krylovStep();
            if (accepted) {
                final StopReason stop = convergence(previous, chi2Before);
                return stop == null ? next(phase, true) : stop(stop);
            }
            phase = next(phase, false);
        }
        return fallback();
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
        if (accepted && !(recorder.lastRjcp() > settings.rjcpGate() || stalled())) {
            return Phase.LEARNED;
        }
        // rejected, stalled or above the RJCP gate: the Krylov step is the cheaper remedy, tried before
        // Levenberg-Marquardt (unless it is the step that was just rejected)
        final boolean krylovNext = krylov != null && (accepted || phase == Phase.LEARNED);
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
        final Evaluation e = backtrack(learned, settings.stepSize());
        if (e == null) {
            return false;
        }
        accept(e);
        recordRjcp();
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
        final double predictedResidual = krylov.solve(session, x, yt, r, scale, krylovStep);
        // a step that the linear model predicts to remove less than half of the cost is not worth its
        // evaluations: Levenberg-Marquardt does better there
        if (!Double.isFinite(predictedResidual) || predictedResidual > KRYLOV_MIN_GAIN * chi2) {
            return false;
        }
        final Evaluation e = backtrack(new KrylovDirection(chi2 - predictedResidual), 1.0);
        if (e == null) {
            return false;
        }
        accept(e);
        recorder.krylovStep();
        stepsSinceFallback = 0;
        return true;
    }

    /**
     * The trial routine of learned and Krylov steps: tries the scales s, s/2, s/4, ... (at most
     * {@code maxBacktracks + 1} of them) and returns the first trial with a real sufficient decrease of the cost.
     * A trial that does not move is skipped without evaluation; a non-finite one ends the search.
     * @param direction the step direction
     * @param firstScale the first scale
     * @return the evaluation of the accepted trial, or null when none is accepted
     */
    private Evaluation backtrack(final Direction direction, final double firstScale) {
        double s = firstScale;
        for (int k = 0; k <= settings.maxBacktracks(); k++) {
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
                evaluations.increment();
                final Evaluation e = problem.evaluate(new ArrayRealVector(trial, false));
                final double cost = e.getCost();
                final double chi2Trial = cost * cost;
                if (chi2Trial < chi2 && chi2 - chi2Trial >= direction.requiredDecrease(s)) {
                    return e;
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
        setCurrent(e);
        session.inverse(yt, gt);
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
            recorder.rjcp(num / den);
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
        if (settings.fallbackPolicy() == FallbackPolicy.NONE) {
            return stop(StopReason.NO_ACCEPTABLE_STEP);
        }
        final int cap = Math.min(MAX_FALLBACK_CAP,
                settings.fallbackIterations() << Math.min(6, Math.max(0, consecutiveFailures - 1)));
        final FallbackProblem view = new FallbackProblem(problem, current, evaluations, iterations, checker, cap);
        final Optimum o = settings.levenbergMarquardt().optimize(view);
        evaluations.increment(o.getEvaluations());
        iterations.increment(o.getIterations());
        recorder.fallback(o.getIterations());
        setCurrent(o);
        stepsSinceFallback = 0;
        if (view.isUserConverged()) {
            return stop(StopReason.CHECKER);
        }
        if (!view.isCapped()) {
            return stop(StopReason.LEVENBERG_MARQUARDT);
        }
        session.inverse(yt, gt);
        return next(Phase.FALLBACK, false);
    }

    /**
     * Applies the forward model's exact tangent: J_F(point) direction. The only call into the model's tangent
     * model: it linearizes the model once per point ({@link ForwardModel#linearize(double[])}), so the products of
     * one Krylov step reuse the trajectory or factorisation at x.
     * @param point the point x
     * @param direction the direction v
     * @return J_F(x) v
     */
    private double[] tangent(final double[] point, final double[] direction) {
        if (linearization == null || !Arrays.equals(point, linearizedAt)) {
            linearization = familyProblem.getModel().linearize(point);
            linearizedAt = point.clone();
        }
        return linearization.jvp(direction);
    }

    /**
     * Makes an evaluation current and refreshes x, r, F(x).
     * @param e the evaluation
     */
    private void setCurrent(final Evaluation e) {
        current = e;
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
            for (int i = 0; i < r.length; i++) {
                yp[i] = yt[i] + alpha * scale[i] * r[i];
            }
            session.inverse(yp, gp);
            final boolean paper = settings.stepVariant() == StepVariant.PAPER;
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
}
