package org.deceptron.dipg.spi;

import org.hipparchus.linear.RealMatrix;

/**
 * The derivative of a {@link ForwardModel} at one point x, as a reusable operator: it is built once by
 * {@link ForwardModel#linearize(double[])} (running the forward trajectory, factoring the operator, ...) and then
 * answers any number of products at that point without running the forward model again.
 * <p>
 * A linearization is immutable and thread safe (each product allocates its own workspace), and only offers the
 * derivatives its model declares in {@link ForwardModel#derivatives()}; the others throw
 * {@code MathIllegalStateException}. Arguments are never modified or kept; returned arrays are new.
 * </p>
 */
public interface Linearization {

    /**
     * Returns the tangent-linear product at the linearization point.
     * @param v the direction, length n, finite
     * @return J(x) v, a new array of length m
     * @throws org.hipparchus.exception.MathIllegalArgumentException on a wrong length or a non-finite entry
     * @throws org.hipparchus.exception.MathIllegalStateException when the model has no {@link Derivative#TANGENT}
     */
    double[] jvp(double[] v);

    /**
     * Returns the adjoint product at the linearization point.
     * @param w the co-direction, length m, finite
     * @return J(x)^T w, a new array of length n
     * @throws org.hipparchus.exception.MathIllegalArgumentException on a wrong length or a non-finite entry
     * @throws org.hipparchus.exception.MathIllegalStateException when the model has no {@link Derivative#ADJOINT}
     */
    double[] vjp(double[] w);

    /**
     * Returns the full m x n Jacobian at the linearization point (n tangent or m adjoint products, whichever is
     * fewer, unless the model has a cheaper exact formula).
     * @return a new matrix
     */
    RealMatrix jacobian();

    /**
     * Wraps a dense Jacobian (for models that compute J(x) directly): tangent and adjoint products are products
     * with J and J^T.
     * @param jacobian the m x n Jacobian at the point (copied)
     * @return the linearization
     */
    static Linearization ofMatrix(final RealMatrix jacobian) {
        return new MatrixLinearization(jacobian);
    }
}
