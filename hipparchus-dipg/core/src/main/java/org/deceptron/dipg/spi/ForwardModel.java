package org.deceptron.dipg.spi;

import java.util.Collections;
import java.util.Set;

import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.RealMatrix;

/**
 * A forward model x -&gt; F(x) (for instance "the heat equation on a 16x16 grid observed through a cubic sensor"):
 * its identity, its sizes and box, the forward solve and, as optional capabilities, its exact derivatives.
 * One model has one trained {@link Deceptron} at most; {@link #fingerprint()} ties the two.
 * <p>
 * Only {@link #value(double[])} is required: a model without tangent or adjoint (a legacy simulator) declares no
 * {@link #derivatives()}; problems built from it then use finite differences where a Jacobian is asked for.
 * Models with derivatives implement {@link #linearize(double[])}, which returns a reusable operator at one point,
 * so that repeated products there do not re-run the forward model.
 * </p>
 * <p>
 * Implementations must be immutable and thread safe: solves on many threads call them at once. The array
 * arguments are never modified and never kept; returned arrays are new. The unknown x has
 * {@link #parameterSize()} components, the observation y has {@link #observationSize()} components.
 * </p>
 */
public interface ForwardModel {

    /**
     * Returns the registered identifier of the model, e.g. {@code heat-3d}.
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
     * @param x the unknowns, length n, inside the box
     * @return F(x), a new array of length m
     */
    double[] value(double[] x);

    /**
     * Returns a hash of every constant that changes the map or the data a Deceptron is trained on (grid,
     * coefficients, time step, observation, noise level). A {@link Deceptron} trained for another fingerprint is
     * refused.
     * @return the fingerprint, never null
     */
    String fingerprint();

    /**
     * Returns the derivative models this model provides. The default is none.
     * @return an unmodifiable set, possibly empty
     */
    default Set<Derivative> derivatives() {
        return Collections.emptySet();
    }

    /**
     * Tells whether the model provides a derivative.
     * @param derivative the derivative
     * @return true when {@link #derivatives()} contains it
     */
    default boolean hasDerivative(final Derivative derivative) {
        return derivatives().contains(derivative);
    }

    /**
     * Linearizes the model at a point: the returned operator answers tangent and adjoint products (as far as
     * {@link #derivatives()} declares them) and the Jacobian at x, reusing what the forward solve at x computed.
     * @param x the linearization point, length n, inside the box
     * @return the linearization at x
     * @throws MathIllegalStateException when the model declares no derivative (the default)
     */
    default Linearization linearize(final double[] x) {
        throw new MathIllegalStateException(DipgFormats.NO_DERIVATIVE, id(), "tangent or adjoint", derivatives());
    }

    /**
     * Computes the exact Jacobian dF/dx: {@code linearize(x).jacobian()}.
     * @param x the unknowns, length n
     * @return the m x n Jacobian
     * @throws MathIllegalStateException when the model declares no derivative
     */
    default RealMatrix jacobian(final double[] x) {
        return linearize(x).jacobian();
    }

    /**
     * Computes one exact Jacobian-vector product: {@code linearize(x).jvp(v)}. For several products at the same
     * point, linearize once.
     * @param x the linearization point, length n
     * @param v the direction, length n
     * @return J(x) v, a new array of length m
     * @throws MathIllegalStateException when the model has no {@link Derivative#TANGENT}
     */
    default double[] jvp(final double[] x, final double[] v) {
        return linearize(x).jvp(v);
    }

    /**
     * Computes one exact vector-Jacobian product: {@code linearize(x).vjp(w)}. For several products at the same
     * point, linearize once.
     * @param x the linearization point, length n
     * @param w the co-direction, length m
     * @return J(x)^T w, a new array of length n
     * @throws MathIllegalStateException when the model has no {@link Derivative#ADJOINT}
     */
    default double[] vjp(final double[] x, final double[] w) {
        return linearize(x).vjp(w);
    }
}
