package org.deceptron.trainer;

/** Which forward Jacobian the JCP term composes g's Jacobian with during S3. */
public enum JcpTarget {
    /** The surrogate's: E||J_g(f(x)) J_f(x) xi - xi||^2 (the paper). */
    SURROGATE,
    /**
     * The family's exact tangent: E||J_g(y) J_F(x) xi - xi||^2 with y = F(x), J_F xi computed in Java per batch
     * by the family model's tangent ({@code ForwardModel.jvp}) and fed as a placeholder (costs one tangent solve per JCP sample and probe).
     */
    EXACT
}
