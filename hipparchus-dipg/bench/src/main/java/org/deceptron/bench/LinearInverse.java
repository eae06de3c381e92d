package org.deceptron.bench;

import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.ForwardModel;
import org.hipparchus.linear.BlockRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * The amortised linear inverse of a family, the non-learned peer of {@link BenchMethod#LINEAR_INVERSE}: computed
 * once per family, P = (J^T J + lambda I)^{-1} J^T, with J the weighted Jacobian (J_F / noise, the problems'
 * weighting) at the prior mean, then applied to every instance by a {@link LinearInverseOptimizer}.
 * <p>
 * Prior mean: the average of {@link StressRunner#PRIOR_MEAN_SAMPLES} prior draws
 * ({@link StressRunner#priorMean(ForwardFamily, long)}; the common start x0 is not the prior mean of every family,
 * e.g. 0 for the heat families whose prior lives in [0, 1]). Jacobian: the one of the family's problem there
 * ({@code FamilyProblem.evaluate(mean).getJacobian()}: exact derivatives, or finite differences for a model without
 * them). Tikhonov parameter: lambda = tau trace(J^T J) / n with tau = {@link #DEFAULT_TAU}: a fixed fraction of
 * the mean squared singular value of J, so that the rule does not depend on the units of x or y, and directions
 * whose squared singular value is well below a tenth of the mean are filtered out. Chosen on heat-1d and darcy-2d
 * (seed 2026, 20 instances each; success heat-1d / darcy-2d): tau = 1e-10 to 1e-6: 0 / 11-12 of 20 (the frozen
 * Jacobian's pseudo-inverse amplifies directions where J(x) differs from J(mean): no descent); 1e-4: 4 / 12;
 * 1e-3: 16 / 12; 1e-2: 19 / 13; 3e-2: 20 / 14; 1e-1: 20 / 16; 3e-1: 20 / 17; 1: 20 / 17. tau = 0.1 is
 * where heat-1d is solved every time; beyond it darcy-2d gains one instance while heat-1d's x-RMSE grows (0.187
 * to 0.204 at 0.3) and allen-cahn-2d needs more iterations (3 to 5.5, 8 instances). (heat-2d, heat-3d, adv-diff-2d and allen-cahn-2d:
 * 8 of 8 for tau = 0.03 to 0.3; navier-stokes-2d: 0 of 8 for all three, no descent far from the prior mean.)
 * More step halvings (12 instead of {@link LinearInverseOptimizer#MAX_BACKTRACKS}) changed no outcome. P is
 * formed through the smaller of the two normal systems: (J^T J + lambda I)^{-1} J^T when m &gt;= n, else the equal
 * J^T (J J^T + lambda I)^{-1}, by Cholesky; it needs O(n m) memory and O(n m min(n, m)) flops, so the bench only
 * builds it when max(n, m) &lt;= {@link #MAX_SIZE} ({@link #isFeasible(ForwardModel)}).
 * </p>
 * <p>Immutable and thread safe.</p>
 */
public final class LinearInverse {

    /** Largest max(n, m) for which the inverse is built (a dense n x m matrix and a k x k Cholesky, k = min(n, m)). */
    public static final int MAX_SIZE = 4096;

    /** Default tau of the Tikhonov rule lambda = tau trace(J^T J) / n. */
    public static final double DEFAULT_TAU = 0.1;

    /** The optimizer applying the n x m inverse (immutable, so shared by every solve). */
    private final LinearInverseOptimizer optimizer;

    /** What the setup cost. */
    private final LinearInverseSetup setup;

    /**
     * Creates the inverse.
     * @param inverse the n x m matrix
     * @param setup its cost
     */
    private LinearInverse(final RealMatrix inverse, final LinearInverseSetup setup) {
        this.optimizer = new LinearInverseOptimizer(inverse);
        this.setup = setup;
    }

    /**
     * Tells whether the inverse is within reach for a model: max(n, m) &lt;= {@link #MAX_SIZE}.
     * @param model the model
     * @return true when the bench builds it
     */
    public static boolean isFeasible(final ForwardModel model) {
        return Math.max(model.parameterSize(), model.observationSize()) <= MAX_SIZE;
    }

    /**
     * Computes the inverse at a family's prior mean with the default Tikhonov rule.
     * @param family the family
     * @param seed the run seed (the prior mean's draws come from its stream 2)
     * @return the inverse
     */
    public static LinearInverse atPriorMean(final ForwardFamily family, final long seed) {
        return atPriorMean(family, seed, DEFAULT_TAU);
    }

    /**
     * Computes the inverse at a family's prior mean.
     * @param family the family
     * @param seed the run seed (the prior mean's draws come from its stream 2)
     * @param tau the factor of the Tikhonov rule lambda = tau trace(J^T J) / n, &gt; 0
     * @return the inverse
     * @throws IllegalArgumentException when tau is not positive and finite or the family is too large
     */
    public static LinearInverse atPriorMean(final ForwardFamily family, final long seed, final double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be > 0 and finite, got " + tau);
        }
        final ForwardModel model = family.model();
        if (!isFeasible(model)) {
            throw new IllegalArgumentException("linear inverse out of reach for " + family.id() + ": max(n, m) = "
                    + Math.max(model.parameterSize(), model.observationSize()) + " > " + MAX_SIZE);
        }
        final long t0 = System.nanoTime();
        final double[] mean = StressRunner.priorMean(family, seed);
        final SolveCounter counter = new SolveCounter();
        final ForwardFamily counted = ForwardFamily.of(new CountingModel(model, counter), family.protocol());
        final FamilyProblem problem = FamilyProblemFactory.create(counted, new double[model.observationSize()], mean);
        final RealMatrix j = new BlockRealMatrix(problem.evaluate(problem.getStart()).getJacobian().getData());
        final double lambda = tau * squaredNorm(j) / j.getColumnDimension();
        final RealMatrix inverse = regularisedInverse(j, lambda);
        final double ms = (System.nanoTime() - t0) * 1e-6;
        return new LinearInverse(inverse, new LinearInverseSetup(ms, lambda, counter.counts()));
    }

    /**
     * Returns (J^T J + lambda I)^{-1} J^T through the smaller normal system.
     * @param j the m x n matrix J
     * @param lambda the Tikhonov parameter, &gt; 0
     * @return the n x m inverse
     */
    static RealMatrix regularisedInverse(final RealMatrix j, final double lambda) {
        if (j.getRowDimension() >= j.getColumnDimension()) {
            return cholesky(j.transposeMultiply(j), lambda).getSolver().solve(j.transpose());
        }
        // J^T (J J^T + lambda I)^{-1} = ((J J^T + lambda I)^{-1} J)^T, the normal matrix being symmetric
        return cholesky(j.multiplyTransposed(j), lambda).getSolver().solve(j).transpose();
    }

    /**
     * Factors a Gram matrix plus lambda I, made exactly symmetric first.
     * @param gram the Gram matrix (modified)
     * @param lambda the shift, &gt; 0
     * @return the factorisation
     */
    private static CholeskyDecomposition cholesky(final RealMatrix gram, final double lambda) {
        final int k = gram.getRowDimension();
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                final double s = 0.5 * (gram.getEntry(a, b) + gram.getEntry(b, a));
                gram.setEntry(a, b, s);
                gram.setEntry(b, a, s);
            }
            gram.addToEntry(a, a, lambda);
        }
        return new CholeskyDecomposition(gram, CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, 0.0);
    }

    /**
     * Returns the squared Frobenius norm, trace(J^T J).
     * @param j the matrix
     * @return the sum of the squared entries
     */
    private static double squaredNorm(final RealMatrix j) {
        double s = 0;
        for (int a = 0; a < j.getRowDimension(); a++) {
            for (int b = 0; b < j.getColumnDimension(); b++) {
                final double v = j.getEntry(a, b);
                s += v * v;
            }
        }
        return s;
    }

    /**
     * Returns the optimizer that applies this inverse (one instance: it is immutable and thread safe).
     * @return the optimizer
     */
    public LinearInverseOptimizer optimizer() {
        return optimizer;
    }

    /**
     * Returns what the setup cost.
     * @return the setup
     */
    public LinearInverseSetup setup() {
        return setup;
    }
}
