package org.deceptron.dipg.krylov;

/**
 * The weighted Jacobian J of a least-squares problem at one point, as an operator: products with J and with its
 * transpose, never the matrix. In Hipparchus' convention J is the Jacobian of the weighted <em>model</em>
 * (residuals are target minus model), so the linearised residuals after a step d are {@code r - J d}.
 * <p>
 * An operator belongs to one solve and one point; implementations need not be thread safe. Arguments are not
 * modified or kept; returned arrays are new.
 * </p>
 */
public interface JacobianOperator {

    /**
     * Returns the product with the Jacobian.
     * @param v a direction in parameter space (length n)
     * @return J v (length m)
     */
    double[] apply(double[] v);

    /**
     * Returns the product with the transposed Jacobian.
     * @param w a co-direction in observation space (length m)
     * @return J^T w (length n)
     */
    double[] applyTranspose(double[] w);
}
