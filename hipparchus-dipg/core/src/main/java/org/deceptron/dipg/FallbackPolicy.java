package org.deceptron.dipg;

/** What {@link DipgOptimizer} does when a learned step is not accepted (or the path stalls). */
public enum FallbackPolicy {

    /**
     * Take matrix-free Gauss-Newton-Krylov iterations ({@link org.deceptron.dipg.krylov.GaussNewtonKrylovOptimizer}
     * on the forward model's tangent and adjoint models, no Jacobian) when the model has both, else
     * Levenberg-Marquardt iterations; then return to D-IPG. A safety net that ends without the checker satisfied,
     * or whose tangent or adjoint model fails, hands over to Levenberg-Marquardt with the budget that remains.
     * The default.
     */
    AUTOMATIC,

    /** Take Levenberg-Marquardt iterations (with the Jacobian), then return to D-IPG. */
    LEVENBERG_MARQUARDT,

    /** Stop and return the best accepted point, as the paper's reference code does. */
    NONE
}
