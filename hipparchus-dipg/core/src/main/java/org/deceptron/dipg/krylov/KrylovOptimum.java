package org.deceptron.dipg.krylov;

import java.util.Locale;

import org.deceptron.dipg.problem.ForwardingEvaluation;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem.Evaluation;

/**
 * The result of a {@link GaussNewtonKrylovOptimizer} solve: Hipparchus' {@link Optimum} (the final evaluation and
 * the counts) and what the matrix-free solve spent: linearizations, products with J and J^T, inner CGLS
 * iterations, and why it stopped.
 * <p>Immutable (the final evaluation is not copied: it belongs to the caller now).</p>
 */
public final class KrylovOptimum extends ForwardingEvaluation implements Optimum {

    /** Value evaluations. */
    private final int evaluations;

    /** Outer iterations. */
    private final int iterations;

    /** Linearizations (one per outer iteration). */
    private final int linearizations;

    /** Products with J. */
    private final int tangentProducts;

    /** Products with J^T. */
    private final int adjointProducts;

    /** Inner CGLS iterations. */
    private final int innerIterations;

    /** Why the solve stopped. */
    private final KrylovStopReason stopReason;

    /**
     * Creates the result.
     * @param evaluation the final evaluation
     * @param evaluations value evaluations
     * @param iterations outer iterations
     * @param linearizations linearizations
     * @param tangentProducts products with J
     * @param adjointProducts products with J^T
     * @param innerIterations inner CGLS iterations
     * @param stopReason why the solve stopped
     */
    KrylovOptimum(final Evaluation evaluation, final int evaluations, final int iterations,
                  final int linearizations, final int tangentProducts, final int adjointProducts,
                  final int innerIterations, final KrylovStopReason stopReason) {
        super(evaluation);
        this.evaluations = evaluations;
        this.iterations = iterations;
        this.linearizations = linearizations;
        this.tangentProducts = tangentProducts;
        this.adjointProducts = adjointProducts;
        this.innerIterations = innerIterations;
        this.stopReason = stopReason;
    }

    /** {@inheritDoc} */
    @Override
    public int getEvaluations() {
        return evaluations;
    }

    /** {@inheritDoc} */
    @Override
    public int getIterations() {
        return iterations;
    }

    /**
     * Returns the number of linearizations (Jacobian operators built, one per outer iteration).
     * @return the count
     */
    public int getLinearizations() {
        return linearizations;
    }

    /**
     * Returns the number of products with J (tangent-linear solves on a matrix-free family problem).
     * @return the count
     */
    public int getTangentProducts() {
        return tangentProducts;
    }

    /**
     * Returns the number of products with J^T (adjoint solves on a matrix-free family problem).
     * @return the count
     */
    public int getAdjointProducts() {
        return adjointProducts;
    }

    /**
     * Returns the number of inner CGLS iterations over the solve.
     * @return the count
     */
    public int getInnerIterations() {
        return innerIterations;
    }

    /**
     * Returns why the solve stopped.
     * @return the reason
     */
    public KrylovStopReason getStopReason() {
        return stopReason;
    }

    /**
     * Returns a one-line summary in the style of Ceres' {@code Summary::BriefReport}.
     * @return the summary
     */
    public String briefReport() {
        return String.format(Locale.ROOT,
                "Gauss-Newton-Krylov: %s, %d iterations, %d evaluations, %d linearizations, %d J products, "
                        + "%d J^T products (%d CGLS iterations), final cost %.6g",
                stopReason, iterations, evaluations, linearizations, tangentProducts, adjointProducts,
                innerIterations, getCost());
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return briefReport();
    }
}
