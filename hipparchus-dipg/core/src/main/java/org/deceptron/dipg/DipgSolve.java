package org.deceptron.dipg;

import java.util.Arrays;

import org.deceptron.dipg.problem.MonitoredProblem;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronSession;
import org.deceptron.dipg.spi.FamilyProblem;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem.Evaluation;
import org.hipparchus.util.Incrementor;

/**
 * One D-IPG solve: the per-solve state (buffers of size n and m, reused across iterations; counters;
 * diagnostics). Created and used by one thread inside {@link DipgOptimizer#optimize}.
 */
final class DipgSolve {

    /** Cap on the LM iterations of one fallback. */
    private static final int MAX_FALLBACK_CAP = 64;

    /** Settings. */
    private final DipgSettings settings;

    /** The monitored problem. */
    private final MonitoredProblem problem;

    /** Deceptron used. */
    private final Deceptron deceptron;

    /** Lookup status. */
    private final String status;

    /** Evaluation session. */
    private final DeceptronSession session;

    /** Evaluation counter. */
    private final Incrementor evaluations;

    /** Iteration counter. */
    private final Incrementor iterations;

    /** Convergence checker, may be null. */
    private final ConvergenceChecker<Evaluation> checker;

    /** Start time. */
    private final long t0;

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

    /** Cost history of accepted learned steps (stall detection). */
    private final double[] history;

    /** RJCP along the path. */
    private double[] rjcp = new double[16];

    /** Number of RJCP values. */
    private int rjcpCount;

    /** Current evaluation. */
    private Evaluation current;

    /** Current chi-square. */
    private double chi2;

    /** Accepted learned steps. */
    private int dipgSteps;

    /** Learned steps accepted since the last fallback. */
    private int stepsSinceFallback;

    /** LM iterations in fallbacks. */
    private int fallbackIterations;

    /** Number of fallbacks. */
    private int fallbacks;

    /** Consecutive failed learned iterations (escalates the fallback length). */
    private int consecutiveFailures;

    /** Krylov (preconditioned Gauss-Newton) step solver, or null when disabled or not applicable. */
    private final KrylovStep krylov;

    /** The family (for its tangent model). */
    private final FamilyProblem familyProblem;

    /** Krylov step buffer. */
    private final double[] krylovStep;

    /** Accepted Krylov steps. */
    private int krylovSteps;

    /** Whether the last learned step failed (then the next iteration goes to the Krylov step first). */
    private boolean learnedFailed;

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
        this.deceptron = deceptron;
        this.status = status;
        this.session = deceptron.newSession();
        this.evaluations = problem.getEvaluationCounter();
        this.iterations = problem.getIterationCounter();
        this.checker = problem.getConvergenceChecker();
        this.t0 = System.nanoTime();
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
        this.history = new double[settings.stallWindow() + 1];
        this.familyProblem = family;
        this.krylov = settings.krylovDimension() > 0 && m == n
                ? new KrylovStep(n, m, settings.krylovDimension(), KRYLOV_TOLERANCE, this::tangent) : null;
        this.krylovStep = krylov == null ? null : new double[n];
    }

    /** Largest predicted chi-square fraction left by a Krylov step worth taking. */
    private static final double KRYLOV_MIN_GAIN = 0.5;

    /** Relative linear residual at which the Krylov solve stops. */
    private static final double KRYLOV_TOLERANCE = 1.0e-3;

    /**
     * Runs the solve.
     * @return the optimum
     */
    DipgOptimum run() {
        evaluations.increment();
        setCurrent(problem.evaluate(problem.getStart()));
        session.inverse(yt, gt);
        boolean forceFallback = false;
        while (true) {
            iterations.increment();
            final Evaluation previous = current;
            final double chi2Before = chi2;
            boolean accepted = false;
            if (!forceFallback && !learnedFailed) {
                accepted = learnedStep();
                learnedFailed = !accepted;
                if (accepted) {
                    consecutiveFailures = 0;
                }
            }
            if (!accepted && krylov != null) {
                accepted = krylovStep();
                // after a good Krylov step the learned steps get another chance
                learnedFailed = !accepted;
            }
            if (accepted) {
                if (checker != null) {
                    if (checker.converged(iterations.getCount(), previous, current)) {
                        return result(StopReason.CHECKER);
                    }
                } else if (chi2 == 0 || chi2Before - chi2 <= COST_STAGNATION * chi2Before) {
                    return result(StopReason.COST_STAGNATION);
                }
                forceFallback = !learnedFailed && (lastRjcp() > settings.rjcpGate() || stalled());
                if (forceFallback && krylov != null) {
                    // the Krylov step is the cheaper remedy: try it before Levenberg-Marquardt
                    learnedFailed = true;
                    forceFallback = false;
                }
                continue;
            }
            consecutiveFailures++;
            forceFallback = false;
            if (settings.fallbackPolicy() == FallbackPolicy.NONE) {
                return result(StopReason.NO_ACCEPTABLE_STEP);
            }
            final StopReason stop = fallback();
            learnedFailed = false;
            if (stop != null) {
                return result(stop);
            }
        }
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
        final double gain = chi2 - predictedResidual;
        final double c = settings.acceptanceConstant();
        double t = 1.0;
        for (int k = 0; k <= settings.maxBacktracks(); k++) {
            boolean finite = true;
            boolean moved = false;
            for (int j = 0; j < x.length; j++) {
                trial[j] = x[j] + t * krylovStep[j];
                finite &= Double.isFinite(trial[j]);
                moved |= trial[j] != x[j];
            }
            if (!finite || !moved) {
                return false;
            }
            evaluations.increment();
            final Evaluation e = problem.evaluate(new ArrayRealVector(trial, false));
            final double cost = e.getCost();
            final double chi2Trial = cost * cost;
            if (chi2Trial < chi2 && chi2 - chi2Trial >= c * (2 * t - t * t) * gain) {
                System.arraycopy(x, 0, xPrevious, 0, x.length);
                setCurrent(e);
                session.inverse(yt, gt);
                krylovSteps++;
                stepsSinceFallback = 0;
                return true;
            }
            t *= 0.5;
        }
        return false;
    }

    /**
     * Applies the forward model's exact tangent: J_F(point) direction. The only call into the family's tangent
     * model.
     * @param point the point x
     * @param direction the direction v
     * @return J_F(x) v
     */
    private double[] tangent(final double[] point, final double[] direction) {
        return familyProblem.getFamily().jvp(point, direction);
    }

    /** Relative cost decrease below which a solve without checker stops. */
    private static final double COST_STAGNATION = 1.0e-10;

    /**
     * Tries one learned step with backtracking.
     * @return true when a step was accepted
     */
    private boolean learnedStep() {
        final int n = x.length;
        final int m = r.length;
        final double rho = settings.relaxation();
        final double c = settings.acceptanceConstant();
        final boolean paper = settings.stepVariant() == StepVariant.PAPER;
        double alpha = settings.stepSize();
        for (int k = 0; k <= settings.maxBacktracks(); k++) {
            for (int i = 0; i < m; i++) {
                yp[i] = yt[i] + alpha * scale[i] * r[i];
            }
            session.inverse(yp, gp);
            boolean finite = true;
            boolean moved = false;
            for (int j = 0; j < n; j++) {
                final double p = paper ? gp[j] - x[j] : gp[j] - gt[j];
                trial[j] = x[j] + rho * p;
                finite &= Double.isFinite(trial[j]);
                moved |= trial[j] != x[j];
            }
            if (!finite) {
                return false;
            }
            if (moved) {
                evaluations.increment();
                final Evaluation e = problem.evaluate(new ArrayRealVector(trial, false));
                final double cost = e.getCost();
                final double chi2Trial = cost * cost;
                final double t = Math.min(1.0, rho * alpha);
                final double predicted = (1 - (1 - t) * (1 - t)) * chi2;
                if (chi2 - chi2Trial >= c * predicted && chi2Trial < chi2) {
                    accept(e);
                    return true;
                }
            }
            alpha *= 0.5;
        }
        return false;
    }

    /**
     * Accepts an evaluation as the new iterate and records the RJCP of the step.
     * @param e the evaluation
     */
    private void accept(final Evaluation e) {
        System.arraycopy(x, 0, xPrevious, 0, x.length);
        System.arraycopy(gt, 0, gp, 0, gt.length);
        setCurrent(e);
        session.inverse(yt, gt);
        double num = 0;
        double den = 0;
        for (int j = 0; j < x.length; j++) {
            final double dx = x[j] - xPrevious[j];
            final double d = (gt[j] - gp[j]) - dx;
            num += d * d;
            den += dx * dx;
        }
        if (den > 0) {
            if (rjcpCount == rjcp.length) {
                rjcp = Arrays.copyOf(rjcp, 2 * rjcpCount);
            }
            rjcp[rjcpCount++] = num / den;
        }
        dipgSteps++;
        history[stepsSinceFallback % history.length] = chi2;
        stepsSinceFallback++;
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
     * Returns the RJCP of the last accepted step.
     * @return the value or NaN
     */
    private double lastRjcp() {
        return rjcpCount == 0 ? Double.NaN : rjcp[rjcpCount - 1];
    }

    /**
     * Runs Levenberg-Marquardt from the current point.
     * @return a stop reason when the solve is over, null to resume D-IPG
     */
    private StopReason fallback() {
        fallbacks++;
        final int cap = Math.min(MAX_FALLBACK_CAP,
                settings.fallbackIterations() << Math.min(6, Math.max(0, consecutiveFailures - 1)));
        final FallbackProblem view = new FallbackProblem(problem, current, evaluations, iterations, checker, cap);
        final Optimum o = settings.levenbergMarquardt().optimize(view);
        evaluations.increment(o.getEvaluations());
        iterations.increment(o.getIterations());
        fallbackIterations += o.getIterations();
        setCurrent(o);
        stepsSinceFallback = 0;
        if (view.isUserConverged()) {
            return StopReason.CHECKER;
        }
        if (!view.isCapped()) {
            return StopReason.LEVENBERG_MARQUARDT;
        }
        session.inverse(yt, gt);
        return null;
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
     * Builds the optimum.
     * @param reason why it stopped
     * @return the optimum
     */
    private DipgOptimum result(final StopReason reason) {
        return new DipgOptimum(current, evaluations.getCount(), iterations.getCount(), dipgSteps, fallbackIterations,
                fallbacks, problem.getValueEvaluations(), problem.getJacobianEvaluations(),
                Arrays.copyOf(rjcp, rjcpCount), deceptron.name(), status, System.nanoTime() - t0, reason,
                problem.getTrace(), krylovSteps, krylov == null ? 0 : krylov.getTangentEvaluations());
    }
}
