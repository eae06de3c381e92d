package org.deceptron.dipg;

import java.util.function.Consumer;

import org.deceptron.dipg.problem.MonitoredProblem;
import org.deceptron.dipg.registry.DeceptronLookup;
import org.deceptron.dipg.registry.DeceptronRegistry;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.FamilyProblem;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.MathUtils;

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
 * The learned path never costs the solve: it ends for the solve, and Levenberg-Marquardt runs from the point
 * reached to the end with the budget that remains, when the Deceptron misbehaves ({@code newSession} or a session
 * call throws, including {@code OutOfMemoryError}, or returns a non-finite value or JVP), when two iterations
 * have needed Levenberg-Marquardt, or when the learned path would use more than half of the evaluation or
 * iteration limit. A forward model whose tangent model throws or returns non-finite products disables the
 * Krylov step for the solve. {@link DipgOptimum#getAbandonReason()} and
 * {@link DipgOptimum#getKrylovDisabledReason()} say when and why.
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
 * are those LM would give at that point. The optimizer is immutable and thread safe: its settings are one
 * immutable value, and per-solve state lives in the solve.
 * </p>
 * <p>
 * Every {@code withXxx} method validates its argument (an invalid value throws
 * {@link MathIllegalArgumentException} with {@link DipgFormats#INVALID_SETTING} naming the setting, a null one
 * {@link org.hipparchus.exception.NullArgumentException}) and returns a new optimizer.
 * </p>
 * Defaults (no-arg constructor):
 * <ul>
 *  <li>step size alpha: 1.0</li>
 *  <li>relaxation rho: 1.0</li>
 *  <li>backtracking limit: 8 halvings</li>
 *  <li>acceptance constant c: 1e-4</li>
 *  <li>step variant: {@link StepVariant#BIAS_CORRECTED}</li>
 *  <li>fallback: {@link FallbackPolicy#AUTOMATIC}, 2 iterations (doubled after each consecutive
 *      failure, at most 64) of matrix-free Gauss-Newton-Krylov when the forward model has tangent and adjoint
 *      models, of Levenberg-Marquardt otherwise</li>
 *  <li>RJCP gate: infinite (disabled); stall detection: leave the learned steps when 3 accepted learned steps
 *      together reduce the cost (chi-square) by less than 75%</li>
 *  <li>Krylov dimension: 20 (learned-preconditioner Gauss-Newton steps before any LM fallback, square
 *      family problems only)</li>
 *  <li>Levenberg-Marquardt: {@code new LevenbergMarquardtOptimizer()}</li>
 *  <li>registry: {@link DeceptronRegistry#classpath()} (ServiceLoader)</li>
 * </ul>
 */
public final class DipgOptimizer implements LeastSquaresOptimizer {

    /** The settings. */
    private final DipgSettings settings;

    /** Where Deceptrons are found; null means the classpath default, resolved at solve time. */
    private final DeceptronRegistry registry;

    /** Creates an optimizer with the default settings (see the class documentation). */
    public DipgOptimizer() {
        this(DipgSettings.DEFAULTS, null);
    }

    /**
     * Creates an optimizer.
     * @param settings the settings
     * @param registry the registry, null for the classpath default
     */
    private DipgOptimizer(final DipgSettings settings, final DeceptronRegistry registry) {
        this.settings = settings;
        this.registry = registry;
    }

    /**
     * Returns an optimizer with some settings changed and the same registry.
     * @param change the change, applied to a draft of the settings (see {@link DipgSettings#copy})
     * @return a new optimizer
     * @throws MathIllegalArgumentException naming the first invalid setting
     */
    private DipgOptimizer with(final Consumer<DipgSettings.Draft> change) {
        return new DipgOptimizer(settings.copy(change), registry);
    }

    /**
     * Returns a copy with another initial step size alpha (fraction of the residual taken in measurement space).
     * @param newStepSize alpha, in (0, 1]
     * @return a new optimizer
     */
    public DipgOptimizer withStepSize(final double newStepSize) {
        return with(d -> d.stepSize = newStepSize);
    }

    /**
     * Returns a copy with another relaxation rho (x + rho p).
     * @param newRelaxation rho, in (0, 1]
     * @return a new optimizer
     */
    public DipgOptimizer withRelaxation(final double newRelaxation) {
        return with(d -> d.relaxation = newRelaxation);
    }

    /**
     * Returns a copy with another backtracking limit.
     * @param newMaxBacktracks maximal number of halvings of alpha, in [0, 60]
     * @return a new optimizer
     */
    public DipgOptimizer withMaxBacktracks(final int newMaxBacktracks) {
        return with(d -> d.maxBacktracks = newMaxBacktracks);
    }

    /**
     * Returns a copy with another acceptance constant c (fraction of the predicted reduction required).
     * @param newAcceptanceConstant c, in (0, 1)
     * @return a new optimizer
     */
    public DipgOptimizer withAcceptanceConstant(final double newAcceptanceConstant) {
        return with(d -> d.acceptanceConstant = newAcceptanceConstant);
    }

    /**
     * Returns a copy with another step variant.
     * @param newStepVariant the variant
     * @return a new optimizer
     */
    public DipgOptimizer withStepVariant(final StepVariant newStepVariant) {
        return with(d -> d.stepVariant = newStepVariant);
    }

    /**
     * Returns a copy with another fallback policy.
     * @param newFallbackPolicy the policy
     * @return a new optimizer
     */
    public DipgOptimizer withFallbackPolicy(final FallbackPolicy newFallbackPolicy) {
        return with(d -> d.fallbackPolicy = newFallbackPolicy);
    }

    /**
     * Returns a copy with another number of Levenberg-Marquardt iterations per fallback (doubled after each
     * consecutive failed learned iteration, at most 64).
     * @param newFallbackIterations iterations, &gt;= 1
     * @return a new optimizer
     */
    public DipgOptimizer withFallbackIterations(final int newFallbackIterations) {
        return with(d -> d.fallbackIterations = newFallbackIterations);
    }

    /**
     * Returns a copy with another RJCP gate: after an accepted learned step whose composition error along the
     * step (see {@link DipgOptimum#getRjcpPath()}) exceeds the gate, the next iteration is a fallback.
     * @param newRjcpGate the gate, &gt; 0 ({@code Double.POSITIVE_INFINITY} disables it)
     * @return a new optimizer
     */
    public DipgOptimizer withRjcpGate(final double newRjcpGate) {
        return with(d -> d.rjcpGate = newRjcpGate);
    }

    /**
     * Returns a copy with another stall detection: fall back when {@code window} consecutive accepted learned
     * steps together reduce the cost (chi-square) by less than the fraction {@code minReduction}.
     * @param window number of steps, in [1, 1000]
     * @param minReduction fraction in [0, 1) (0 disables the detection)
     * @return a new optimizer
     */
    public DipgOptimizer withStallDetection(final int window, final double minReduction) {
        return with(d -> {
            d.stallWindow = window;
            d.stallReduction = minReduction;
        });
    }

    /**
     * Returns a copy with another Levenberg-Marquardt optimizer (fallbacks and problems without Deceptron).
     * @param newLevenbergMarquardt the optimizer
     * @return a new optimizer
     */
    public DipgOptimizer withLevenbergMarquardt(final LevenbergMarquardtOptimizer newLevenbergMarquardt) {
        return with(d -> d.levenbergMarquardt = newLevenbergMarquardt);
    }

    /**
     * Returns a copy that finds Deceptrons in another registry.
     * @param newRegistry the registry
     * @return a new optimizer
     */
    public DipgOptimizer withRegistry(final DeceptronRegistry newRegistry) {
        MathUtils.checkNotNull(newRegistry);
        return new DipgOptimizer(settings, newRegistry);
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
        return with(d -> d.trace = newTrace);
    }

    /**
     * Returns a copy with another Krylov dimension. When a learned step is not accepted (or the learned steps
     * stall) on a square family problem (m = n), the optimizer first tries a Gauss-Newton step solved by GMRES
     * on J_F J_g, with the Deceptron's reverse map as right preconditioner and the family's exact tangent model
     * ({@code ForwardModel.linearize(x).jvp(v)}); it costs at most {@code dimension} tangent evaluations and forms no Jacobian.
     * Only when that step fails too does it fall back to Levenberg-Marquardt.
     * @param newKrylovDimension maximal number of GMRES iterations, in [0, 200] (0 disables Krylov steps)
     * @return a new optimizer
     */
    public DipgOptimizer withKrylovDimension(final int newKrylovDimension) {
        return with(d -> d.krylovDimension = newKrylovDimension);
    }

    /**
     * Returns the maximal Krylov dimension.
     * @return the dimension (0: Krylov steps disabled)
     * @see #withKrylovDimension(int)
     */
    public int getKrylovDimension() {
        return settings.krylovDimension();
    }

    /**
     * Returns the step size.
     * @return alpha
     * @see #withStepSize(double)
     */
    public double getStepSize() {
        return settings.stepSize();
    }

    /**
     * Returns the relaxation.
     * @return rho
     * @see #withRelaxation(double)
     */
    public double getRelaxation() {
        return settings.relaxation();
    }

    /**
     * Returns the backtracking limit.
     * @return maximal number of halvings
     * @see #withMaxBacktracks(int)
     */
    public int getMaxBacktracks() {
        return settings.maxBacktracks();
    }

    /**
     * Returns the acceptance constant.
     * @return c
     * @see #withAcceptanceConstant(double)
     */
    public double getAcceptanceConstant() {
        return settings.acceptanceConstant();
    }

    /**
     * Returns the step variant.
     * @return the variant
     * @see #withStepVariant(StepVariant)
     */
    public StepVariant getStepVariant() {
        return settings.stepVariant();
    }

    /**
     * Returns the fallback policy.
     * @return the policy
     * @see #withFallbackPolicy(FallbackPolicy)
     */
    public FallbackPolicy getFallbackPolicy() {
        return settings.fallbackPolicy();
    }

    /**
     * Returns the number of LM iterations per fallback.
     * @return the number
     * @see #withFallbackIterations(int)
     */
    public int getFallbackIterations() {
        return settings.fallbackIterations();
    }

    /**
     * Returns the RJCP gate.
     * @return the gate
     * @see #withRjcpGate(double)
     */
    public double getRjcpGate() {
        return settings.rjcpGate();
    }

    /**
     * Returns the stall window.
     * @return the window
     * @see #withStallDetection(int, double)
     */
    public int getStallWindow() {
        return settings.stallWindow();
    }

    /**
     * Returns the minimal reduction over the stall window.
     * @return the fraction
     * @see #withStallDetection(int, double)
     */
    public double getStallReduction() {
        return settings.stallReduction();
    }

    /**
     * Returns the Levenberg-Marquardt optimizer.
     * @return the optimizer
     * @see #withLevenbergMarquardt(LevenbergMarquardtOptimizer)
     */
    public LevenbergMarquardtOptimizer getLevenbergMarquardt() {
        return settings.levenbergMarquardt();
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
        return settings.trace();
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
        final MonitoredProblem monitored = new MonitoredProblem(problem, settings.trace());
        final DeceptronLookup lookup = lookup(problem);
        if (lookup.getDeceptron().isPresent()) {
            // only a FamilyProblem has a Deceptron
            return new DipgSolve(settings, monitored, (FamilyProblem) problem, lookup.getDeceptron().get(),
                    lookup.getStatus()).run();
        }
        final Optimum o = settings.levenbergMarquardt().optimize(monitored);
        return new DipgOptimum(o, DipgDiagnostics.levenbergMarquardt(o, monitored, lookup.getStatus(), t0));
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "DipgOptimizer[stepSize=" + settings.stepSize() + ", relaxation=" + settings.relaxation()
                + ", maxBacktracks=" + settings.maxBacktracks() + ", acceptanceConstant="
                + settings.acceptanceConstant() + ", stepVariant=" + settings.stepVariant() + ", fallbackPolicy="
                + settings.fallbackPolicy() + ", fallbackIterations=" + settings.fallbackIterations() + ", rjcpGate="
                + settings.rjcpGate() + ", stall=" + settings.stallWindow() + "/" + settings.stallReduction()
                + ", krylovDimension=" + settings.krylovDimension() + "]";
    }
}
