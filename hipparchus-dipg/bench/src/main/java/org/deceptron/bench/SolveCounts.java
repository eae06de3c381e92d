package org.deceptron.bench;

/**
 * What one solve asked of the forward model and of the Deceptron, counted by the decorators of
 * {@link SolveCounter} ({@link CountingModel}, {@link CountingLinearization}, {@link CountingDeceptron}).
 * <p>
 * Counting rules. A forward solve is one {@code ForwardModel.value} call, finite-difference ones included, or one
 * {@code ForwardModel.linearize} call: a linearization re-runs the forward trajectory (a nonlinear scheme's
 * tangent and adjoint need the states along it), so it costs a forward solve too, and {@link #linearizations()}
 * counts those separately. A tangent (adjoint) solve is one {@code Linearization.jvp} ({@code vjp}) product. A
 * Jacobian ({@code Linearization.jacobian()}, {@code ForwardModel.jacobian}) counts as min(n, m) products: m
 * adjoint ones when m &lt; n, else n tangent ones, as {@code PdeLinearization} builds it by default (a family
 * with a cheaper exact formula is still charged that many: the count is the work of the generic method). A g
 * evaluation is one {@code DeceptronSession.inverse} or {@code inverseJvp} call.
 * </p>
 * @param forwardSolves forward solves (value calls plus linearizations)
 * @param tangentSolves tangent-linear products
 * @param adjointSolves adjoint products
 * @param linearizations linearizations (also counted in {@code forwardSolves})
 * @param gEvaluations evaluations of the learned reverse map g (with or without its JVP)
 */
public record SolveCounts(int forwardSolves, int tangentSolves, int adjointSolves, int linearizations,
                          int gEvaluations) {

    /** Nothing counted. */
    public static final SolveCounts ZERO = new SolveCounts(0, 0, 0, 0, 0);

    /**
     * Returns the PDE-solve equivalents: forward + tangent + adjoint solves (a tangent or adjoint solve costs
     * about one forward solve).
     * @return the sum
     */
    public int pdeSolveEquivalents() {
        return forwardSolves + tangentSolves + adjointSolves;
    }
}
