package org.deceptron.dipg.spi;

import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;

/**
 * A registered family of forward models x -&gt; F(x) (for instance "the heat equation on a 16x16 grid observed
 * through a cubic sensor"): the physics, its exact derivatives, the prior the unknowns are drawn from and the
 * observation model. One family has one trained {@link Deceptron} at most; {@link #fingerprint()} ties the two.
 * <p>
 * Implementations must be immutable and thread safe: solves on many threads call them at once. The array
 * arguments are never modified and never kept; returned arrays are new.
 * </p>
 * <p>
 * Sizes: the unknown x has {@link #parameterSize()} components, the observation y has
 * {@link #observationSize()} components.
 * </p>
 */
public interface ForwardFamily {

    /** Default maximal number of evaluations of problems built by {@link #problem(double[], double[])}. */
    int DEFAULT_MAX_EVALUATIONS = 2000;

    /** Default maximal number of iterations of problems built by {@link #problem(double[], double[])}. */
    int DEFAULT_MAX_ITERATIONS = 500;

    /**
     * Returns the registered identifier of the family, e.g. {@code heat-3d}.
     * @return the identifier, never null
     */
    String id();

    /**
     * Returns the number of unknowns n.
     * @return n &gt; 0
     */
    int parameterSize();

    /**
     * Returns the number of observations m.
     * @return m &gt; 0
     */
    int observationSize();

    /**
     * Returns the lower bounds of the box the unknowns live in.
     * @return a new array of length n (entries may be {@code Double.NEGATIVE_INFINITY})
     */
    double[] lowerBounds();

    /**
     * Returns the upper bounds of the box the unknowns live in.
     * @return a new array of length n (entries may be {@code Double.POSITIVE_INFINITY})
     */
    double[] upperBounds();

    /**
     * Solves the forward model.
     * @param x the unknowns, length n
     * @return F(x), a new array of length m
     */
    double[] value(double[] x);

    /**
     * Computes the exact Jacobian dF/dx (tangent-linear or adjoint model, whichever is cheaper).
     * @param x the unknowns, length n
     * @return the m x n Jacobian
     */
    RealMatrix jacobian(double[] x);

    /**
     * Computes an exact Jacobian-vector product (tangent-linear model).
     * @param x the linearisation point, length n
     * @param v the direction, length n
     * @return J(x) v, a new array of length m
     */
    double[] jvp(double[] x, double[] v);

    /**
     * Tells whether {@link #vjp(double[], double[])} is implemented.
     * @return true when an adjoint model is available
     */
    default boolean hasVjp() {
        return false;
    }

    /**
     * Computes an exact vector-Jacobian product (adjoint model), where cheap.
     * @param x the linearisation point, length n
     * @param w the co-direction, length m
     * @return J(x)^T w, a new array of length n
     * @throws UnsupportedOperationException when {@link #hasVjp()} is false
     */
    default double[] vjp(double[] x, double[] w) {
        throw new UnsupportedOperationException("family " + id() + " has no adjoint model");
    }

    /**
     * Draws unknowns from the family's prior (training and test instances).
     * @param random the random source
     * @return a new sample of length n, inside the box
     */
    double[] samplePrior(RandomGenerator random);

    /**
     * Returns the standard deviation of the additive Gaussian observation noise.
     * Problems weight residuals by 1/noise, so a normalised residual RMS of about 1 is the noise floor.
     * @return sigma_y &gt; 0
     */
    double noiseLevel();

    /**
     * Returns the stopping tolerance on the normalised residual RMS (about 1.5x what the true unknowns score on
     * noisy data).
     * @return the tolerance &gt; 0
     */
    double tolerance();

    /**
     * Returns the bound on the RMS error of the recovered unknowns that a successful solve must also meet, for
     * families whose success is defined in x (e.g. Allen-Cahn: 0.10), or NaN when success is defined by the
     * residual tolerance alone.
     * @return the x-RMSE bound, or NaN
     */
    default double successXRmse() {
        return Double.NaN;
    }

    /**
     * Returns the common start used for every method (e.g. the box midpoint).
     * @return a new array of length n, inside the box
     */
    double[] defaultStart();

    /**
     * Returns a hash of every constant that changes the map (grid, coefficients, time step, observation).
     * A {@link Deceptron} trained for another fingerprint is refused.
     * @return the fingerprint, never null
     */
    String fingerprint();

    /**
     * Builds a Hipparchus least-squares problem for observed data: lazy evaluation (the Jacobian only when
     * asked), residuals weighted by 1/{@link #noiseLevel()}, box projection through a
     * {@code ParameterValidator}, convergence when the normalised residual RMS reaches {@link #tolerance()},
     * {@link #DEFAULT_MAX_EVALUATIONS} and {@link #DEFAULT_MAX_ITERATIONS}.
     * @param observed the observations y*, length m, finite
     * @param start the start point, length n (projected into the box)
     * @return the problem; it knows this family
     */
    default FamilyProblem problem(final double[] observed, final double[] start) {
        return FamilyProblemFactory.create(this, observed, start);
    }
}
