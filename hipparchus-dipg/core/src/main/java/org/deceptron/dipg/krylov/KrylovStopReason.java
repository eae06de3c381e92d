package org.deceptron.dipg.krylov;

/** Why a {@link GaussNewtonKrylovOptimizer} solve ended (without an exception). */
public enum KrylovStopReason {

    /** The problem's convergence checker was satisfied. */
    CHECKER,

    /**
     * An accepted step decreased the cost by less than a relative {@code 1e-10} (with or without a checker, as
     * Levenberg-Marquardt's cost tolerance).
     */
    COST_STAGNATION,

    /** The gradient J^T r is zero: the point is stationary. */
    STATIONARY,

    /**
     * No step decreased the cost, even damped and backtracked: the point is stationary to working precision (or
     * the projection onto the problem's box blocks every descent direction).
     */
    NO_DECREASE
}
