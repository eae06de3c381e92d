package org.deceptron.bench;

/**
 * What computing a family's {@link LinearInverse} cost, once per family: it is amortised over the solves, so it is
 * reported apart from the per-solve times and counted in the break-even (see {@link BreakEven}).
 * @param millis wall time of the setup: the prior mean estimate, the Jacobian there and the regularised solve
 * @param lambda the Tikhonov parameter used
 * @param counts forward, tangent and adjoint solves of the setup (counted as in {@link SolveCounts})
 */
public record LinearInverseSetup(double millis, double lambda, SolveCounts counts) {
}
