package org.deceptron.dipg;

import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresAdapter;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.util.Incrementor;

/**
 * The view of a problem that a Levenberg-Marquardt fallback sees: it starts at the current D-IPG point (whose
 * evaluation is reused, not recomputed), has only the evaluations and iterations that remain (exceeding them
 * raises the same exception, with the original limit, as exceeding the problem's own), and stops after a given
 * number of successful iterations unless the problem's checker stops it first.
 * <p>
 * Credits let the view count like Levenberg-Marquardt alone would: an evaluation credit of 1 pays for the
 * reused evaluation at the current point (Levenberg-Marquardt counts it, the problem already did), an iteration
 * credit of 1 makes an iteration the solve has already counted Levenberg-Marquardt's first one. The caller then
 * adds Levenberg-Marquardt's counts minus the credits used ({@link #getReusedEvaluations()}).
 * </p>
 */
final class FallbackProblem extends LeastSquaresAdapter {

    /** Current point. */
    private final RealVector start;

    /** Evaluation at the current point, returned for the first evaluation there. */
    private Evaluation startEvaluation;

    /** Remaining evaluations. */
    private final int remainingEvaluations;

    /** Original evaluation limit. */
    private final int maxEvaluations;

    /** Remaining iterations. */
    private final int remainingIterations;

    /** Original iteration limit. */
    private final int maxIterations;

    /** The problem's checker, may be null. */
    private final ConvergenceChecker<Evaluation> userChecker;

    /** Number of successful iterations after which to hand back. */
    private final int cap;

    /** Whether the problem's checker was satisfied. */
    private boolean userConverged;

    /** Whether the cap was reached. */
    private boolean capped;

    /** Number of evaluations answered with the evaluation at the current point (0 or 1). */
    private int reusedEvaluations;

    /** Evaluations the optimizer may make in this view (at most the remaining ones). */
    private int share = Integer.MAX_VALUE;

    /** Iterations the optimizer may make in this view (at most the remaining ones). */
    private int iterationShare = Integer.MAX_VALUE;

    /** The last iteration counter handed out (null before the optimizer asked for one). */
    private Incrementor iterationCounter;

    /** Whether the iteration share is the fixed cap of {@link #withShare}, not the fraction of the rest. */
    private boolean iterationShareIsCap;

    /** Whether the optimizer was stopped by that cap. */
    private boolean iterationCapReached;

    /** The evaluation of lowest cost the view has seen. */
    private Evaluation best;

    /**
     * Creates the view.
     * @param problem the (monitored) problem
     * @param current evaluation at the current point
     * @param evaluations the problem's evaluation counter
     * @param iterations the problem's iteration counter
     * @param userChecker the problem's checker (may be null)
     * @param cap successful iterations after which to hand back to D-IPG
     * @param evaluationCredit evaluations added to the remaining ones (1: the reused one is not paid twice)
     * @param iterationCredit iterations added to the remaining ones (1: the current iteration is LM's first)
     */
    FallbackProblem(final LeastSquaresProblem problem, final Evaluation current, final Incrementor evaluations,
                    final Incrementor iterations, final ConvergenceChecker<Evaluation> userChecker, final int cap,
                    final int evaluationCredit, final int iterationCredit) {
        this(problem, current.getPoint(), current, evaluations, iterations, userChecker, cap, evaluationCredit,
                iterationCredit);
    }

    /**
     * Creates the view of a restart from the problem's own start: nothing is reused, the first evaluation is made
     * and paid like any other.
     * @param problem the (monitored) problem
     * @param evaluations the problem's evaluation counter
     * @param iterations the problem's iteration counter
     * @param userChecker the problem's checker (may be null)
     * @return the view
     */
    static FallbackProblem restart(final LeastSquaresProblem problem, final Incrementor evaluations,
                                   final Incrementor iterations, final ConvergenceChecker<Evaluation> userChecker) {
        return new FallbackProblem(problem, problem.getStart(), null, evaluations, iterations, userChecker,
                Integer.MAX_VALUE, 0, 0);
    }

    /**
     * Creates the view.
     * @param problem the (monitored) problem
     * @param start the view's start
     * @param current evaluation at the start, reused for the first evaluation there (null: none)
     * @param evaluations the problem's evaluation counter
     * @param iterations the problem's iteration counter
     * @param userChecker the problem's checker (may be null)
     * @param cap successful iterations after which to hand back to D-IPG
     * @param evaluationCredit evaluations added to the remaining ones
     * @param iterationCredit iterations added to the remaining ones
     */
    private FallbackProblem(final LeastSquaresProblem problem, final RealVector start, final Evaluation current,
                            final Incrementor evaluations, final Incrementor iterations,
                            final ConvergenceChecker<Evaluation> userChecker, final int cap,
                            final int evaluationCredit, final int iterationCredit) {
        super(problem);
        this.start = start;
        this.startEvaluation = current;
        this.best = current;
        this.maxEvaluations = evaluations.getMaximalCount();
        this.remainingEvaluations = (int) Math.min(Integer.MAX_VALUE,
                Math.max(0L, (long) maxEvaluations - evaluations.getCount() + evaluationCredit));
        this.maxIterations = iterations.getMaximalCount();
        this.remainingIterations = (int) Math.min(Integer.MAX_VALUE,
                Math.max(0L, (long) maxIterations - iterations.getCount() + iterationCredit));
        this.userChecker = userChecker;
        this.cap = cap;
    }

    /** {@inheritDoc} */
    @Override
    public RealVector getStart() {
        return start.copy();
    }

    /** {@inheritDoc} */
    @Override
    public Incrementor getEvaluationCounter() {
        final int max = maxEvaluations;
        if (share < remainingEvaluations) {
            return new Incrementor(share, n -> {
                throw new ShareExhausted();
            });
        }
        return new Incrementor(remainingEvaluations, n -> {
            throw new MathIllegalStateException(LocalizedCoreFormats.MAX_COUNT_EXCEEDED, max);
        });
    }

    /**
     * Limits the evaluations and iterations of the optimizer run in this view to a share of the remaining ones:
     * exceeding a share raises {@link ShareExhausted} (not {@code MAX_COUNT_EXCEEDED}), so that another optimizer
     * can go on with the rest.
     * @param fraction the share of the remaining evaluations and iterations, in (0, 1]
     * @param maxIterations the most iterations the optimizer may make, whatever the share
     * @return this
     */
    FallbackProblem withShare(final double fraction, final int maxIterations) {
        share = (int) Math.max(1, Math.floor(fraction * remainingEvaluations));
        final double fractionOfRest = Math.floor(fraction * remainingIterations);
        iterationShareIsCap = maxIterations < fractionOfRest;
        iterationShare = (int) Math.max(1, Math.min(maxIterations, fractionOfRest));
        return this;
    }

    /**
     * Tells whether the optimizer was stopped by the fixed iteration cap of {@link #withShare} (it was still
     * iterating after that many), not by a share of a small remaining budget.
     * @return true when the cap stopped it
     */
    boolean isIterationCapReached() {
        return iterationCapReached;
    }

    /**
     * Returns how many iterations the optimizer counted in this view (including a credited one).
     * @return the count, 0 when it never asked for the counter
     */
    int getUsedIterations() {
        return iterationCounter == null ? 0 : iterationCounter.getCount();
    }

    /**
     * Returns the evaluation of lowest cost seen by the view (the current point's when none was lower).
     * @return the evaluation
     */
    Evaluation getBest() {
        return best;
    }

    /** {@inheritDoc} */
    @Override
    public Incrementor getIterationCounter() {
        final int max = maxIterations;
        if (iterationShare < remainingIterations) {
            iterationCounter = new Incrementor(iterationShare, n -> {
                iterationCapReached = iterationShareIsCap;
                throw new ShareExhausted();
            });
        } else {
            iterationCounter = new Incrementor(remainingIterations, n -> {
                throw new MathIllegalStateException(LocalizedCoreFormats.MAX_COUNT_EXCEEDED, max);
            });
        }
        return iterationCounter;
    }

    /** {@inheritDoc} */
    @Override
    public ConvergenceChecker<Evaluation> getConvergenceChecker() {
        return (iteration, previous, current) -> {
            if (userChecker != null && userChecker.converged(iteration, previous, current)) {
                userConverged = true;
                return true;
            }
            if (iteration >= cap) {
                capped = true;
                return true;
            }
            return false;
        };
    }

    /** {@inheritDoc} */
    @Override
    public Evaluation evaluate(final RealVector point) {
        if (startEvaluation != null && point.equals(start)) {
            final Evaluation e = startEvaluation;
            startEvaluation = null;
            reusedEvaluations++;
            return e;
        }
        startEvaluation = null;
        final Evaluation e = super.evaluate(point);
        if (best == null || e.getCost() < best.getCost()) {
            best = e;
        }
        return e;
    }

    /**
     * The optimizer used up its share of the view's evaluations or iterations ({@link #withShare}); carries no
     * stack trace.
     */
    static final class ShareExhausted extends RuntimeException {

        /** Serializable version identifier. */
        private static final long serialVersionUID = 20261202L;

        /** Creates the signal. */
        ShareExhausted() {
            super("share of the evaluations or iterations used", null, false, false);
        }
    }

    /**
     * Returns how many of Levenberg-Marquardt's evaluations were answered with the evaluation at the current
     * point, without a new evaluation of the problem.
     * @return 0 or 1
     */
    int getReusedEvaluations() {
        return reusedEvaluations;
    }

    /**
     * Tells whether the problem's own checker stopped LM.
     * @return true when converged by the checker
     */
    boolean isUserConverged() {
        return userConverged;
    }

    /**
     * Tells whether LM handed back because the cap was reached.
     * @return true when capped
     */
    boolean isCapped() {
        return capped;
    }
}
