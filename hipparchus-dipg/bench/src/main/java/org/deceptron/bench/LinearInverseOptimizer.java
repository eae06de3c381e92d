package org.deceptron.bench;

import java.util.Locale;

import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem.Evaluation;
import org.hipparchus.util.Incrementor;

/**
 * The amortised linear inverse as a Hipparchus {@link LeastSquaresOptimizer}: a fixed n x m matrix P (see
 * {@link LinearInverse}, a regularised pseudo-inverse of the weighted Jacobian at one point) applied to the
 * weighted residuals, x &lt;- Pi(x + t P r), a chord (frozen-Jacobian Gauss-Newton) iteration whose step costs one
 * mat-vec and no derivative.
 * <p>
 * Per iteration: t = 1, 1/2, ..., at most {@link #MAX_BACKTRACKS} halvings, until a trial passes the sufficient
 * decrease test chi2(trial) &lt;= chi2(x) - c (1 - (1 - t)^2) chi2(x) (c = {@link #ACCEPTANCE}: the fraction of the
 * reduction a Gauss-Newton step of length t predicts, the test {@code DipgOptimizer} uses). Pi is the problem's own
 * projection ({@code problem.evaluate} projects). It stops when the problem's convergence checker says so after an
 * accepted step; the problem's evaluation and iteration counters throw when their limits are exceeded, as in
 * Hipparchus' optimizers; no accepted trial throws {@link MathIllegalStateException}.
 * </p>
 * <p>Immutable and thread safe (P is copied and never modified).</p>
 */
public final class LinearInverseOptimizer implements LeastSquaresOptimizer {

    /** Maximal number of step halvings per iteration. */
    public static final int MAX_BACKTRACKS = 4;

    /** Fraction c of the predicted reduction a step must achieve. */
    public static final double ACCEPTANCE = 1.0e-4;

    /** The n x m inverse applied to the weighted residuals. */
    private final RealMatrix inverse;

    /**
     * Creates the optimizer.
     * @param inverse the n x m matrix P (copied)
     */
    public LinearInverseOptimizer(final RealMatrix inverse) {
        this.inverse = inverse.copy();
    }

    /** {@inheritDoc} */
    @Override
    public Optimum optimize(final LeastSquaresProblem problem) {
        if (problem.getParameterSize() != inverse.getRowDimension()
                || problem.getObservationSize() != inverse.getColumnDimension()) {
            throw new MathIllegalArgumentException(LocalizedCoreFormats.DIMENSIONS_MISMATCH_2x2,
                    problem.getParameterSize(), problem.getObservationSize(), inverse.getRowDimension(),
                    inverse.getColumnDimension());
        }
        final Incrementor evaluations = problem.getEvaluationCounter();
        final Incrementor iterations = problem.getIterationCounter();
        final ConvergenceChecker<Evaluation> checker = problem.getConvergenceChecker();
        evaluations.increment();
        Evaluation current = problem.evaluate(problem.getStart());
        while (true) {
            iterations.increment();
            final Evaluation previous = current;
            current = step(problem, previous, evaluations);
            if (checker != null && checker.converged(iterations.getCount(), previous, current)) {
                return Optimum.of(current, evaluations.getCount(), iterations.getCount());
            }
        }
    }

    /**
     * Takes one backtracked step.
     * @param problem the problem
     * @param at the current evaluation
     * @param evaluations the evaluation counter
     * @return the accepted trial
     * @throws MathIllegalStateException when no trial is accepted
     */
    private Evaluation step(final LeastSquaresProblem problem, final Evaluation at, final Incrementor evaluations) {
        final RealVector x = at.getPoint();
        final RealVector step = new ArrayRealVector(inverse.operate(at.getResiduals().toArray()), false);
        final double chi2 = at.getChiSquare();
        double t = 1.0;
        for (int k = 0; k <= MAX_BACKTRACKS; k++) {
            evaluations.increment();
            final Evaluation trial = problem.evaluate(x.add(step.mapMultiply(t)));
            final double predicted = (1.0 - (1.0 - t) * (1.0 - t)) * chi2;
            if (trial.getChiSquare() <= chi2 - ACCEPTANCE * predicted) {
                return trial;
            }
            t *= 0.5;
        }
        throw new MathIllegalStateException(LocalizedCoreFormats.SIMPLE_MESSAGE, String.format(Locale.ROOT,
                "linear inverse: no sufficient decrease after %d step halvings at RMS %.4g", MAX_BACKTRACKS,
                at.getRMS()));
    }
}
