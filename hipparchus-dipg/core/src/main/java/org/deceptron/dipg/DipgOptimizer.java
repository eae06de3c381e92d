package org.deceptron.dipg;

import org.deceptron.dipg.problem.MonitoredProblem;
import org.deceptron.dipg.registry.DeceptronLookup;
import org.deceptron.dipg.registry.DeceptronRegistry;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.FamilyProblem;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.NullArgumentException;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;

/**
 * D-IPG (Deceptron Inverse-Preconditioned Gradient) as a drop-in replacement for Hipparchus'
 * {@link LevenbergMarquardtOptimizer}.
 * <p>
 * When the problem is a {@link FamilyProblem} whose family has a trained {@link Deceptron} in the registry,
 * each iteration takes a residual step in measurement space, y_p = F(x) + alpha (y* - F(x)), pulls it back
 * through the learned reverse map g (p = g(y_p) - g(F(x)), see {@link StepVariant}), relaxes it
 * (x + rho p), projects it through the problem's {@code ParameterValidator} (inside
 * {@code problem.evaluate}), and accepts it only on a real sufficient decrease of the cost:
 * chi2(x) - chi2(trial) &gt;= c (1 - (1 - min(1, rho alpha))^2) chi2(x), the reduction a Gauss-Newton step of
 * that length would predict; no Jacobian is formed. Otherwise alpha is halved, at most
 * {@link #getMaxBacktracks()} times. When no trial is accepted, or the learned steps stall, it first tries (on
 * square family problems) a Gauss-Newton step solved by GMRES with the Deceptron as preconditioner from exact
 * Jacobian-vector products ({@link #withKrylovDimension(int)}), taken only when it promises to halve the cost;
 * failing that it falls back to Levenberg-Marquardt iterations (with the Jacobian) and then resumes D-IPG
 * ({@link FallbackPolicy}).
 * A D-IPG iteration keeps O(n + m) working memory, reused across iterations.
 * </p>
 * <p>
 * Without a Deceptron for the problem (any plain Hipparchus problem, or a family without a model) it is exactly
 * the configured {@link LevenbergMarquardtOptimizer}.
 * </p>
 * <p>
 * Levenberg-Marquardt's contract is kept: the point is taken from the evaluations; the problem's convergence
 * checker is called with (previous, current) accepted evaluations after each accepted step; evaluation and
 * iteration counters are the problem's and exceeding them throws the same {@code MathIllegalStateException}
 * ({@code MAX_COUNT_EXCEEDED}); the returned optimum wraps the problem's own evaluation, so covariances and sigma
 * are those LM would give at that point. The optimizer is immutable and thread safe: per-solve state lives in
 * the solve.
 * </p>
 * Defaults (no-arg constructor):
 * <ul>
 *  <li>step size alpha: 1.0</li>
 *  <li>relaxation rho: 1.0</li>
 *  <li>backtracking limit: 8 halvings</li>
 *  <li>acceptance constant c: 1e-4</li>
 *  <li>step variant: {@link StepVariant#BIAS_CORRECTED}</li>
 *  <li>fallback: {@link FallbackPolicy#LEVENBERG_MARQUARDT}, 2 LM iterations (doubled after each consecutive
 *      failure, at most 64)</li>
 *  <li>RJCP gate: infinite (disabled); stall detection: leave the learned steps when 3 accepted learned steps
 *      together reduce the cost (chi-square) by less than 75%</li>
 *  <li>Krylov dimension: 20 (learned-preconditioner Gauss-Newton steps before any LM fallback, square
 *      family problems only)</li>
 *  <li>Levenberg-Marquardt: {@code new LevenbergMarquardtOptimizer()}</li>
 *  <li>registry: {@link DeceptronRegistry#classpath()} (ServiceLoader)</li>
 * </ul>
 */
public final class DipgOptimizer implements LeastSquaresOptimizer {

    /** Step size in measurement space. */
    private final double stepSize;

    /** Relaxation. */
    private final double relaxation;

    /** Maximal number of halvings. */
    private final int maxBacktracks;

    /** Acceptance constant. */
    private final double acceptanceConstant;

    /** Step variant. */
    private final StepVariant stepVariant;

    /** Fallback policy. */
    private final FallbackPolicy fallbackPolicy;

    /** LM iterations per fallback. */
    private final int fallbackIterations;

    /** RJCP gate. */
    private final double rjcpGate;

    /** Stall window. */
    private final int stallWindow;

    /** Minimal cost reduction over the stall window. */
    private final double stallReduction;

    /** Levenberg-Marquardt used for fallbacks and problems without a Deceptron. */
    private final LevenbergMarquardtOptimizer levenbergMarquardt;

    /** Where Deceptrons are found; null means the classpath default, resolved at solve time. */
    private final DeceptronRegistry registry;

    /** Whether to record a residual trace. */
    private final boolean trace;

    /** Maximal Krylov dimension of the preconditioned Gauss-Newton step (0 disables it). */
    private final int krylovDimension;

    /** Creates an optimizer with the default settings (see the class documentation). */
    public DipgOptimizer() {
        this(1.0, 1.0, 8, 1.0e-4, StepVariant.BIAS_CORRECTED, FallbackPolicy.LEVENBERG_MARQUARDT, 2,
             Double.POSITIVE_INFINITY, 3, 0.75, new LevenbergMarquardtOptimizer(), null, false, 20);
    }

    /**
     * Full constructor (use the {@code withXxx} methods).
     * @param stepSize step size
     * @param relaxation relaxation
     * @param maxBacktracks backtracking limit
     * @param acceptanceConstant acceptance constant
     * @param stepVariant step variant
     * @param fallbackPolicy fallback policy
     * @param fallbackIterations LM iterations per fallback
     * @param rjcpGate RJCP gate
     * @param stallWindow stall window
     * @param stallReduction minimal reduction over the window
     * @param levenbergMarquardt LM optimizer
     * @param registry registry, null for the classpath default
     * @param trace whether to record a trace
     * @param krylovDimension maximal Krylov dimension (0: no Krylov steps)
     */
    private DipgOptimizer(final double stepSize, final double relaxation, final int maxBacktracks,
                          final double acceptanceConstant, final StepVariant stepVariant,
                          final FallbackPolicy fallbackPolicy, final int fallbackIterations, final double rjcpGate,
                          final int stallWindow, final double stallReduction,
                          final LevenbergMarquardtOptimizer levenbergMarquardt, final DeceptronRegistry registry,
                          final boolean trace, final int krylovDimension) {
        this.stepSize = stepSize;
        this.relaxation = relaxation;
        this.maxBacktracks = maxBacktracks;
        this.acceptanceConstant = acceptanceConstant;
        this.stepVariant = stepVariant;
        this.fallbackPolicy = fallbackPolicy;
        this.fallbackIterations = fallbackIterations;
        this.rjcpGate = rjcpGate;
        this.stallWindow = stallWindow;
        this.stallReduction = stallReduction;
        this.levenbergMarquardt = levenbergMarquardt;
        this.registry = registry;
        this.trace = trace;
        this.krylovDimension = krylovDimension;
    }

    /**
     * Checks a setting.
     * @param ok whether it is valid
     * @param name its name
     * @param value its value
     * @param expected what is expected
     */
    private static void check(final boolean ok, final String name, final Object value, final String expected) {
        if (!ok) {
            throw new MathIllegalArgumentException(DipgFormats.INVALID_SETTING, name, value, expected);
        }
    }

    /**
     * Returns a copy with another initial step size alpha (fraction of the residual taken in measurement space).
     * @param newStepSize alpha, in (0, 1]
     * @return a new optimizer
     */
    public DipgOptimizer withStepSize(final double newStepSize) {
        check(newStepSize > 0 && newStepSize <= 1, "step size", newStepSize, "in (0, 1]");
        return new DipgOptimizer(newStepSize, relaxation, maxBacktracks, acceptanceConstant, stepVariant,
                fallbackPolicy, fallbackIterations, rjcpGate, stallWindow, stallReduction, levenbergMarquardt,
                registry, trace, krylovDimension);
    }

    /**
     * Returns a copy with another relaxation rho (x + rho p).
     * @param newRelaxation rho, in (0, 1]
     * @return a new optimizer
     */
    public DipgOptimizer withRelaxation(final double newRelaxation) {
        check(newRelaxation > 0 && newRelaxation <= 1, "relaxation", newRelaxation, "in (0, 1]");
        return new DipgOptimizer(stepSize, newRelaxation, maxBacktracks, acceptanceConstant, stepVariant,
                fallbackPolicy, fallbackIterations, rjcpGate, stallWindow, stallReduction, levenbergMarquardt,
                registry, trace, krylovDimension);
    }

    /**
     * Returns a copy with another backtracking limit.
     * @param newMaxBacktracks maximal number of halvings of alpha, &gt;= 0
     * @return a new optimizer
     */
    public DipgOptimizer withMaxBacktracks(final int newMaxBacktracks) {
        check(newMaxBacktracks >= 0 && newMaxBacktracks <= 60, "backtracking limit", newMaxBacktracks, "in [0, 60]");
        return new DipgOptimizer(stepSize, relaxation, newMaxBacktracks, acceptanceConstant, stepVariant,
                fallbackPolicy, fallbackIterations, rjcpGate, stallWindow, stallReduction, levenbergMarquardt,
                registry, trace, krylovDimension);
    }

    /**
     * Returns a copy with another acceptance constant c (fraction of the predicted reduction required).
     * @param newAcceptanceConstant c, in (0, 1)
     * @return a new optimizer
     */
    public DipgOptimizer withAcceptanceConstant(final double newAcceptanceConstant) {
        check(newAcceptanceConstant > 0 && newAcceptanceConstant < 1, "acceptance constant", newAcceptanceConstant,
                "in (0, 1)");
        return new DipgOptimizer(stepSize, relaxation, maxBacktracks, newAcceptanceConstant, stepVariant,
                fallbackPolicy, fallbackIterations, rjcpGate, stallWindow, stallReduction, levenbergMarquardt,
                registry, trace, krylovDimension);
    }

    /**
     * Returns a copy with another step variant.
     * @param newStepVariant the variant
     * @return a new optimizer
     */
    public DipgOptimizer withStepVariant(final StepVariant newStepVariant) {
        if (newStepVariant == null) {
            throw new NullArgumentException();
        }
        return new DipgOptimizer(stepSize, relaxation, maxBacktracks, acceptanceConstant, newStepVariant,
                fallbackPolicy, fallbackIterations, rjcpGate, stallWindow, stallReduction, levenbergMarquardt,
                registry, trace, krylovDimension);
    }

    /**
     * Returns a copy with another fallback policy.
     * @param newFallbackPolicy the policy
     * @return a new optimizer
     */
    public DipgOptimizer withFallbackPolicy(final FallbackPolicy newFallbackPolicy) {
        if (newFallbackPolicy == null) {
            throw new NullArgumentException();
        }
        return new DipgOptimizer(stepSize, relaxation, maxBacktracks, acceptanceConstant, stepVariant,
                newFallbackPolicy, fallbackIterations, rjcpGate, stallWindow, stallReduction, levenbergMarquardt,
                registry, trace, krylovDimension);
    }

    /**
     * Returns a copy with another number of Levenberg-Marquardt iterations per fallback (doubled after each
     * consecutive failed learned iteration, at most 64).
     * @param newFallbackIterations iterations, &gt;= 1
     * @return a new optimizer
     */
    public DipgOptimizer withFallbackIterations(final int newFallbackIterations) {
        check(newFallbackIterations >= 1, "fallback iterations", newFallbackIterations, ">= 1");
        return new DipgOptimizer(stepSize, relaxation, maxBacktracks, acceptanceConstant, stepVariant,
                fallbackPolicy, newFallbackIterations, rjcpGate, stallWindow, stallReduction, levenbergMarquardt,
                registry, trace, krylovDimension);
    }

    /**
     * Returns a copy with another RJCP gate: after an accepted learned step whose composition error along the
     * step (see {@link DipgOptimum#getRjcpPath()}) exceeds the gate, the next iteration is a fallback.
     * @param newRjcpGate the gate, &gt; 0 ({@code Double.POSITIVE_INFINITY} disables it)
     * @return a new optimizer
     */
    public DipgOptimizer withRjcpGate(final double newRjcpGate) {
        check(newRjcpGate > 0, "RJCP gate", newRjcpGate, "> 0");
        return new DipgOptimizer(stepSize, relaxation, maxBacktracks, acceptanceConstant, stepVariant,
                fallbackPolicy, fallbackIterations, newRjcpGate, stallWindow, stallReduction, levenbergMarquardt,
                registry, trace, krylovDimension);
    }

    /**
     * Returns a copy with another stall detection: fall back when {@code window} consecutive accepted learned
     * steps together reduce the cost (chi-square) by less than the fraction {@code minReduction}.
     * @param window number of steps, &gt;= 1
     * @param minReduction fraction in [0, 1) (0 disables the detection)
     * @return a new optimizer
     */
    public DipgOptimizer withStallDetection(final int window, final double minReduction) {
        check(window >= 1 && window <= 1000, "stall window", window, "in [1, 1000]");
        check(minReduction >= 0 && minReduction < 1, "stall reduction", minReduction, "in [0, 1)");
        return new DipgOptimizer(stepSize, relaxation, maxBacktracks, acceptanceConstant, stepVariant,
                fallbackPolicy, fallbackIterations, rjcpGate, window, minReduction, levenbergMarquardt,
                registry, trace, krylovDimension);
    }

    /**
     * Returns a copy with another Levenberg-Marquardt optimizer (fallbacks and problems without Deceptron).
     * @param newLevenbergMarquardt the optimizer
     * @return a new optimizer
     */
    public DipgOptimizer withLevenbergMarquardt(final LevenbergMarquardtOptimizer newLevenbergMarquardt) {
        if (newLevenbergMarquardt == null) {
            throw new NullArgumentException();
        }
        return new DipgOptimizer(stepSize, relaxation, maxBacktracks, acceptanceConstant, stepVariant,
                fallbackPolicy, fallbackIterations, rjcpGate, stallWindow, stallReduction, newLevenbergMarquardt,
                registry, trace, krylovDimension);
    }

    /**
     * Returns a copy that finds Deceptrons in another registry.
     * @param newRegistry the registry
     * @return a new optimizer
     */
    public DipgOptimizer withRegistry(final DeceptronRegistry newRegistry) {
        if (newRegistry == null) {
            throw new NullArgumentException();
        }
        return new DipgOptimizer(stepSize, relaxation, maxBacktracks, acceptanceConstant, stepVariant,
                fallbackPolicy, fallbackIterations, rjcpGate, stallWindow, stallReduction, levenbergMarquardt,
                newRegistry, trace, krylovDimension);
    }

    /**
     * Returns a copy that uses exactly the given Deceptron(s) (short for
     * {@code withRegistry(DeceptronRegistry.of(deceptrons))}).
     * @param deceptrons the Deceptrons
     * @return a new optimizer
     */
    public DipgOptimizer withDeceptrons(final Deceptron... deceptrons) {
        return withRegistry(DeceptronRegistry.of(deceptrons));
    }

    /**
     * Returns a copy that records (or not) the RMS of every evaluation against time in the optimum.
     * @param newTrace whether to record
     * @return a new optimizer
     */
    public DipgOptimizer withTrace(final boolean newTrace) {
        return new DipgOptimizer(stepSize, relaxation, maxBacktracks, acceptanceConstant, stepVariant,
                fallbackPolicy, fallbackIterations, rjcpGate, stallWindow, stallReduction, levenbergMarquardt,
                registry, newTrace, krylovDimension);
    }

    /**
     * Returns a copy with another Krylov dimension. When a learned step is not accepted (or the learned steps
     * stall) on a square family problem (m = n), the optimizer first tries a Gauss-Newton step solved by GMRES
     * on J_F J_g, with the Deceptron's reverse map as right preconditioner and the family's exact tangent model
     * ({@code ForwardFamily.jvp}); it costs at most {@code dimension} tangent evaluations and forms no Jacobian.
     * Only when that step fails too does it fall back to Levenberg-Marquardt.
     * @param newKrylovDimension maximal number of GMRES iterations, in [0, 200] (0 disables Krylov steps)
     * @return a new optimizer
     */
    public DipgOptimizer withKrylovDimension(final int newKrylovDimension) {
        check(newKrylovDimension >= 0 && newKrylovDimension <= 200, "Krylov dimension", newKrylovDimension,
                "in [0, 200]");
        return new DipgOptimizer(stepSize, relaxation, maxBacktracks, acceptanceConstant, stepVariant,
                fallbackPolicy, fallbackIterations, rjcpGate, stallWindow, stallReduction, levenbergMarquardt,
                registry, trace, newKrylovDimension);
    }

    /**
     * Returns the maximal Krylov dimension.
     * @return the dimension (0: Krylov steps disabled)
     * @see #withKrylovDimension(int)
     */
    public int getKrylovDimension() {
        return krylovDimension;
    }

    /**
     * Returns the step size.
     * @return alpha
     * @see #withStepSize(double)
     */
    public double getStepSize() {
        return stepSize;
    }

    /**
     * Returns the relaxation.
     * @return rho
     * @see #withRelaxation(double)
     */
    public double getRelaxation() {
        return relaxation;
    }

    /**
     * Returns the backtracking limit.
     * @return maximal number of halvings
     * @see #withMaxBacktracks(int)
     */
    public int getMaxBacktracks() {
        return maxBacktracks;
    }

    /**
     * Returns the acceptance constant.
     * @return c
     * @see #withAcceptanceConstant(double)
     */
    public double getAcceptanceConstant() {
        return acceptanceConstant;
    }

    /**
     * Returns the step variant.
     * @return the variant
     * @see #withStepVariant(StepVariant)
     */
    public StepVariant getStepVariant() {
        return stepVariant;
    }

    /**
     * Returns the fallback policy.
     * @return the policy
     * @see #withFallbackPolicy(FallbackPolicy)
     */
    public FallbackPolicy getFallbackPolicy() {
        return fallbackPolicy;
    }

    /**
     * Returns the number of LM iterations per fallback.
     * @return the number
     * @see #withFallbackIterations(int)
     */
    public int getFallbackIterations() {
        return fallbackIterations;
    }

    /**
     * Returns the RJCP gate.
     * @return the gate
     * @see #withRjcpGate(double)
     */
    public double getRjcpGate() {
        return rjcpGate;
    }

    /**
     * Returns the stall window.
     * @return the window
     * @see #withStallDetection(int, double)
     */
    public int getStallWindow() {
        return stallWindow;
    }

    /**
     * Returns the minimal reduction over the stall window.
     * @return the fraction
     * @see #withStallDetection(int, double)
     */
    public double getStallReduction() {
        return stallReduction;
    }

    /**
     * Returns the Levenberg-Marquardt optimizer.
     * @return the optimizer
     * @see #withLevenbergMarquardt(LevenbergMarquardtOptimizer)
     */
    public LevenbergMarquardtOptimizer getLevenbergMarquardt() {
        return levenbergMarquardt;
    }

    /**
     * Returns the registry.
     * @return the registry
     * @see #withRegistry(DeceptronRegistry)
     */
    public DeceptronRegistry getRegistry() {
        return registry == null ? DeceptronRegistry.classpath() : registry;
    }

    /**
     * Tells whether a trace is recorded.
     * @return true when tracing
     * @see #withTrace(boolean)
     */
    public boolean isTrace() {
        return trace;
    }

    /**
     * Looks up the Deceptron this optimizer would use for a problem.
     * @param problem the problem
     * @return the lookup result
     */
    public DeceptronLookup lookup(final LeastSquaresProblem problem) {
        if (problem instanceof FamilyProblem) {
            return getRegistry().find(((FamilyProblem) problem).getModel());
        }
        return DeceptronLookup.none("no Deceptron: " + problem.getClass().getName() + " is not a FamilyProblem");
    }

    /** {@inheritDoc} */
    @Override
    public DipgOptimum optimize(final LeastSquaresProblem problem) {
        final long t0 = System.nanoTime();
        final MonitoredProblem monitored = new MonitoredProblem(problem, trace);
        if (problem instanceof FamilyProblem) {
            final DeceptronLookup lookup = getRegistry().find(((FamilyProblem) problem).getModel());
            if (lookup.getDeceptron().isPresent()) {
                return new DipgSolve(this, monitored, (FamilyProblem) problem, lookup.getDeceptron().get(),
                        lookup.getStatus()).run();
            }
            return levenbergMarquardt(monitored, lookup.getStatus(), t0);
        }
        return levenbergMarquardt(monitored, "no Deceptron: " + problem.getClass().getName()
                + " is not a FamilyProblem", t0);
    }

    /**
     * The pure Levenberg-Marquardt path.
     * @param monitored the monitored problem
     * @param status lookup status
     * @param t0 start time
     * @return the optimum
     */
    private DipgOptimum levenbergMarquardt(final MonitoredProblem monitored, final String status, final long t0) {
        final Optimum o = levenbergMarquardt.optimize(monitored);
        return new DipgOptimum(o, o.getEvaluations(), o.getIterations(), 0, o.getIterations(), 0,
                monitored.getValueEvaluations(), monitored.getJacobianEvaluations(), new double[0], null, status,
                System.nanoTime() - t0, StopReason.LEVENBERG_MARQUARDT, monitored.getTrace(), 0, 0);
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "DipgOptimizer[stepSize=" + stepSize + ", relaxation=" + relaxation + ", maxBacktracks="
                + maxBacktracks + ", acceptanceConstant=" + acceptanceConstant + ", stepVariant=" + stepVariant
                + ", fallbackPolicy=" + fallbackPolicy + ", fallbackIterations=" + fallbackIterations
                + ", rjcpGate=" + rjcpGate + ", stall=" + stallWindow + "/" + stallReduction + ", krylovDimension="
                + krylovDimension + "]";
    }
}
