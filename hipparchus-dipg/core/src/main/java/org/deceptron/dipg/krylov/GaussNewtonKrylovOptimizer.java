package org.deceptron.dipg.krylov;

import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem.Evaluation;
import org.hipparchus.util.Incrementor;

/**
 * A matrix-free inexact Gauss-Newton optimizer: each outer iteration linearizes the problem once, solves the
 * Gauss-Newton system min ||J d - r|| approximately with CGLS (products with J and J^T only), to the relative
 * normal-equation residual of an Eisenstat-Walker {@link ForcingTerm}, and takes the step with backtracking on the
 * problem's own evaluation (which applies its projection or {@code ParameterValidator}). When no backtracked step
 * decreases the cost, the inner problem is damped (min ||J d - r||^2 + lambda ||d||^2, lambda raised tenfold per
 * try, as in Levenberg-Marquardt) before the solve gives up.
 * <p>
 * On a {@link org.deceptron.dipg.spi.FamilyProblem} whose forward model has both a tangent and an adjoint model,
 * J is applied through them and no Jacobian matrix is ever formed: one outer iteration costs one linearization,
 * k + 1 adjoint and k tangent solves for k CGLS iterations, plus one forward solve per trial point. On any other
 * problem the evaluation's Jacobian is used as an operator ({@link JacobianOperators#forProblem}).
 * </p>
 * <p>
 * It honours Hipparchus' contract: the problem's convergence checker (after each accepted step; like
 * Levenberg-Marquardt it also stops when an accepted step decreases the cost by less than a relative 1e-10), its evaluation and iteration limits (exceeding either throws
 * {@code MAX_COUNT_EXCEEDED}), its start and its evaluation. Immutable and thread safe; configure it with the
 * {@code withXxx} methods, which return copies.
 * </p>
 * <pre>
 * Optimum o = new GaussNewtonKrylovOptimizer().withMaxInnerIterations(50).optimize(problem);
 * </pre>
 */
public final class GaussNewtonKrylovOptimizer implements LeastSquaresOptimizer {

    /** Default maximal number of CGLS iterations per outer iteration. */
    public static final int DEFAULT_MAX_INNER_ITERATIONS = 100;

    /** Default maximal number of step halvings per trial direction. */
    public static final int DEFAULT_MAX_BACKTRACKS = 8;

    /** Default sufficient-decrease (Armijo) constant on the linear model's predicted decrease. */
    public static final double DEFAULT_SUFFICIENT_DECREASE = 1.0e-4;

    /** Step halvings of a damped retry. */
    static final int DAMPED_BACKTRACKS = 2;

    /** Number of tenfold damping increases tried after a direction without decrease. */
    static final int MAX_DAMPING_TRIES = 4;

    /** Damping of the first damped try, relative to the Rayleigh quotient ||J d||^2 / ||d||^2 of the step. */
    static final double FIRST_DAMPING = 1.0e-2;

    /** Relative cost decrease of an accepted step below which the solve stops (as LM's cost tolerance). */
    static final double COST_STAGNATION = 1.0e-10;

    /** Forcing rule. */
    private final ForcingTerm forcing;

    /** Maximal CGLS iterations per outer iteration. */
    private final int maxInnerIterations;

    /** Maximal step halvings per direction. */
    private final int maxBacktracks;

    /** Armijo constant. */
    private final double sufficientDecrease;

    /** Operators, or null to choose them from the problem. */
    private final JacobianOperators operators;

    /** Creates the optimizer with its defaults (Eisenstat-Walker, 100 inner iterations, 8 halvings). */
    public GaussNewtonKrylovOptimizer() {
        this(ForcingTerm.eisenstatWalker(), DEFAULT_MAX_INNER_ITERATIONS, DEFAULT_MAX_BACKTRACKS,
                DEFAULT_SUFFICIENT_DECREASE, null);
    }

    /**
     * Creates a configured optimizer.
     * @param forcing forcing rule
     * @param maxInnerIterations maximal CGLS iterations per outer iteration
     * @param maxBacktracks maximal halvings
     * @param sufficientDecrease Armijo constant
     * @param operators operators, or null
     */
    private GaussNewtonKrylovOptimizer(final ForcingTerm forcing, final int maxInnerIterations,
                                       final int maxBacktracks, final double sufficientDecrease,
                                       final JacobianOperators operators) {
        this.forcing = forcing;
        this.maxInnerIterations = maxInnerIterations;
        this.maxBacktracks = maxBacktracks;
        this.sufficientDecrease = sufficientDecrease;
        this.operators = operators;
    }

    /**
     * Returns a copy with another forcing rule.
     * @param newForcing the rule (not null)
     * @return the copy
     */
    public GaussNewtonKrylovOptimizer withForcingTerm(final ForcingTerm newForcing) {
        if (newForcing == null) {
            throw new MathIllegalArgumentException(DipgFormats.INVALID_SETTING, "forcing term", "null",
                    "a ForcingTerm");
        }
        return new GaussNewtonKrylovOptimizer(newForcing, maxInnerIterations, maxBacktracks, sufficientDecrease,
                operators);
    }

    /**
     * Returns a copy with another cap on the CGLS iterations of one outer iteration.
     * @param newMax the cap, >= 1
     * @return the copy
     */
    public GaussNewtonKrylovOptimizer withMaxInnerIterations(final int newMax) {
        if (newMax < 1) {
            throw new MathIllegalArgumentException(DipgFormats.INVALID_SETTING, "maximal inner iterations", newMax,
                    ">= 1");
        }
        return new GaussNewtonKrylovOptimizer(forcing, newMax, maxBacktracks, sufficientDecrease, operators);
    }

    /**
     * Returns a copy with another number of step halvings per direction.
     * @param newMax the number, >= 0
     * @return the copy
     */
    public GaussNewtonKrylovOptimizer withMaxBacktracks(final int newMax) {
        if (newMax < 0) {
            throw new MathIllegalArgumentException(DipgFormats.INVALID_SETTING, "maximal backtracks", newMax,
                    ">= 0");
        }
        return new GaussNewtonKrylovOptimizer(forcing, maxInnerIterations, newMax, sufficientDecrease, operators);
    }

    /**
     * Returns a copy with another sufficient-decrease constant.
     * @param c the constant in (0, 1)
     * @return the copy
     */
    public GaussNewtonKrylovOptimizer withSufficientDecrease(final double c) {
        if (!(c > 0 && c < 1)) {
            throw new MathIllegalArgumentException(DipgFormats.INVALID_SETTING, "sufficient decrease", c,
                    "in (0, 1)");
        }
        return new GaussNewtonKrylovOptimizer(forcing, maxInnerIterations, maxBacktracks, c, operators);
    }

    /**
     * Returns a copy that takes its Jacobian operators from a given source instead of choosing them from the
     * problem (for a problem that wraps a family problem, say).
     * @param newOperators the source, or null to choose from the problem
     * @return the copy
     */
    public GaussNewtonKrylovOptimizer withOperators(final JacobianOperators newOperators) {
        return new GaussNewtonKrylovOptimizer(forcing, maxInnerIterations, maxBacktracks, sufficientDecrease,
                newOperators);
    }

    /**
     * Returns the forcing rule.
     * @return the rule
     */
    public ForcingTerm getForcingTerm() {
        return forcing;
    }

    /**
     * Returns the cap on CGLS iterations per outer iteration.
     * @return the cap
     */
    public int getMaxInnerIterations() {
        return maxInnerIterations;
    }

    /**
     * Returns the number of step halvings per direction.
     * @return the number
     */
    public int getMaxBacktracks() {
        return maxBacktracks;
    }

    /**
     * Returns the sufficient-decrease constant.
     * @return the constant
     */
    public double getSufficientDecrease() {
        return sufficientDecrease;
    }

    /** {@inheritDoc} */
    @Override
    public KrylovOptimum optimize(final LeastSquaresProblem problem) {
        final JacobianOperators ops = operators != null ? operators : JacobianOperators.forProblem(problem);
        return new Solve(problem, ops).run();
    }

    /** The state of one solve. */
    private final class Solve {

        /** The problem. */
        private final LeastSquaresProblem problem;

        /** The operators. */
        private final JacobianOperators ops;

        /** Evaluation counter. */
        private final Incrementor evaluations;

        /** Iteration counter. */
        private final Incrementor iterations;

        /** Checker, may be null. */
        private final ConvergenceChecker<Evaluation> checker;

        /** Inner solver. */
        private final Cgls cgls;

        /** Trial point buffer. */
        private final double[] trial;

        /** Linearizations so far. */
        private int linearizations;

        /** Adjoint products outside CGLS (one gradient per iteration). */
        private int gradients;

        /** Inner iterations so far. */
        private int inner;

        /**
         * Prepares a solve.
         * @param problem the problem
         * @param ops the operators
         */
        Solve(final LeastSquaresProblem problem, final JacobianOperators ops) {
            this.problem = problem;
            this.ops = ops;
            this.evaluations = problem.getEvaluationCounter();
            this.iterations = problem.getIterationCounter();
            this.checker = problem.getConvergenceChecker();
            this.cgls = new Cgls(problem.getParameterSize(), problem.getObservationSize());
            this.trial = new double[problem.getParameterSize()];
        }

        /**
         * Runs the solve.
         * @return the optimum
         */
        KrylovOptimum run() {
            evaluations.increment();
            Evaluation current = problem.evaluate(problem.getStart());
            final int cap = maxInnerIterations;
            double previousGradient = Double.NaN;
            double previousEta = Double.NaN;
            double lambda = 0;
            while (true) {
                iterations.increment();
                final double[] x = current.getPoint().toArray();
                final double[] r = current.getResiduals().toArray();
                final double chi2 = Cgls.dot(r, r);
                final JacobianOperator j = ops.at(current);
                linearizations++;
                final double[] g = j.applyTranspose(r);
                gradients++;
                final double gradientNorm = Math.sqrt(Cgls.dot(g, g));
                if (gradientNorm == 0 || chi2 == 0) {
                    return result(current, KrylovStopReason.STATIONARY);
                }
                final double eta = forcing.next(gradientNorm, previousGradient, previousEta);
                Evaluation accepted = null;
                for (int attempt = 0; attempt <= MAX_DAMPING_TRIES && accepted == null; attempt++) {
                    cgls.solve(j, r, g, lambda, eta, cap);
                    inner += cgls.iterations();
                    final double[] d = cgls.step();
                    final double[] s = cgls.residual();
                    // J d = r - s: r.Jd = chi2 - r.s, ||Jd||^2 = ||r - s||^2
                    final double rJd = chi2 - Cgls.dot(r, s);
                    double jdJd = 0;
                    for (int i = 0; i < r.length; i++) {
                        jdJd += (r[i] - s[i]) * (r[i] - s[i]);
                    }
                    // a damped retry gets few halvings: the damping, not the step length, is what changes
                    accepted = backtrack(x, d, chi2, rJd, jdJd,
                            attempt == 0 ? maxBacktracks : Math.min(maxBacktracks, DAMPED_BACKTRACKS));
                    if (accepted == null) {
                        final double dd = Cgls.dot(d, d);
                        lambda = lambda > 0 ? 10 * lambda
                                : dd > 0 && jdJd > 0 ? FIRST_DAMPING * jdJd / dd : FIRST_DAMPING * gradientNorm;
                    }
                }
                if (accepted == null) {
                    return result(current, KrylovStopReason.NO_DECREASE);
                }
                lambda *= 0.1;
                final Evaluation previous = current;
                current = accepted;
                if (checker != null && checker.converged(iterations.getCount(), previous, current)) {
                    return result(current, KrylovStopReason.CHECKER);
                }
                final double cost = current.getCost();
                if (chi2 - cost * cost <= COST_STAGNATION * chi2) {
                    // as Levenberg-Marquardt's cost tolerance: no more progress to working precision
                    return result(current, KrylovStopReason.COST_STAGNATION);
                }
                previousGradient = gradientNorm;
                previousEta = eta;
            }
        }

        /**
         * Tries the step at t = 1, 1/2, ... and returns the first trial with a sufficient decrease.
         * @param x the current point
         * @param d the step
         * @param chi2 the current chi-square
         * @param rJd r . J d
         * @param jdJd ||J d||^2
         * @param halvings the number of halvings allowed
         * @return the accepted evaluation, or null
         */
        private Evaluation backtrack(final double[] x, final double[] d, final double chi2, final double rJd,
                                     final double jdJd, final int halvings) {
            if (!(rJd > 0)) {
                // not a descent direction of the linear model (an empty or broken-down inner solve)
                return null;
            }
            double t = 1;
            for (int k = 0; k <= halvings; k++) {
                boolean moved = false;
                for (int q = 0; q < x.length; q++) {
                    trial[q] = x[q] + t * d[q];
                    moved |= trial[q] != x[q];
                }
                if (!moved) {
                    return null;
                }
                evaluations.increment();
                final Evaluation e = problem.evaluate(new ArrayRealVector(trial));
                final double cost = e.getCost();
                final double predicted = 2 * t * rJd - t * t * jdJd;
                if (cost * cost < chi2 && chi2 - cost * cost >= sufficientDecrease * predicted) {
                    return e;
                }
                t *= 0.5;
            }
            return null;
        }

        /**
         * Builds the result.
         * @param e the final evaluation
         * @param reason why the solve stopped
         * @return the optimum
         */
        private KrylovOptimum result(final Evaluation e, final KrylovStopReason reason) {
            return new KrylovOptimum(e, evaluations.getCount(), iterations.getCount(), linearizations,
                    cgls.products(), cgls.transposedProducts() + gradients, inner, reason);
        }
    }
}
