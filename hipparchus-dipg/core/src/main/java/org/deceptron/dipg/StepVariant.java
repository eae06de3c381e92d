package org.deceptron.dipg;

/**
 * How the learned step is formed from the reverse map g at the proposal y_p = F(x) + alpha (y* - F(x)).
 */
public enum StepVariant {

    /**
     * p = g(y_p) - g(F(x)): the bias of g (g(F(x)) != x) cancels, so p ~ alpha J_g r, a Gauss-Newton-like
     * step that vanishes with alpha. The default.
     */
    BIAS_CORRECTED,

    /**
     * p = g(y_p) - x, as in the paper's reference code: with alpha = 1 the trial is the one-shot inverse
     * g(y*); as alpha shrinks p tends to the reconstruction bias g(F(x)) - x, not to zero.
     */
    PAPER
}
