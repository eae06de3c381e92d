package org.deceptron.dipg;

/** What {@link DipgOptimizer} does when a learned step is not accepted (or the path stalls). */
public enum FallbackPolicy {

    /** Take Levenberg-Marquardt iterations (with the Jacobian), then return to D-IPG. The default. */
    LEVENBERG_MARQUARDT,

    /** Stop and return the best accepted point, as the paper's reference code does. */
    NONE
}
