package org.deceptron.dipg;

/** Why {@link DipgOptimizer} returned. */
public enum StopReason {

    /** The problem's convergence checker was satisfied. */
    CHECKER,

    /** Levenberg-Marquardt stopped on its own tolerances (no checker, or a local minimum). */
    LEVENBERG_MARQUARDT,

    /** No checker and the cost stopped decreasing on learned steps. */
    COST_STAGNATION,

    /** A learned step failed and the fallback policy is {@link FallbackPolicy#NONE}. */
    NO_ACCEPTABLE_STEP
}
