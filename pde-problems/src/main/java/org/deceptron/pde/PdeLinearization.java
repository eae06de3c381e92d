package org.deceptron.pde;

import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.Linearization;
import org.deceptron.dipg.spi.ModelChecks;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;

/**
 * Base of the PDE models' linearizations: checks the arguments of every product ({@link ModelChecks}), so that
 * subclasses implement the exact tangent and adjoint of the discrete scheme at their point on checked arrays, and
 * builds the Jacobian from the cheaper of n tangent or m adjoint products unless a subclass has a better formula.
 * <p>Immutable and thread safe: each product allocates its own workspace.</p>
 */
public abstract class PdeLinearization implements Linearization {

    /** The model. */
    private final ForwardModel model;

    /**
     * Creates a linearization.
     * @param model the linearized model (sizes and messages)
     */
    protected PdeLinearization(final ForwardModel model) {
        this.model = model;
    }

    /** {@inheritDoc} */
    @Override
    public final double[] jvp(final double[] v) {
        ModelChecks.checkDirection(model, v);
        return tangent(v);
    }

    /** {@inheritDoc} */
    @Override
    public final double[] vjp(final double[] w) {
        ModelChecks.checkCoDirection(model, w);
        return adjoint(w);
    }

    /** {@inheritDoc} */
    @Override
    public final RealMatrix jacobian() {
        return new Array2DRowRealMatrix(computeJacobian(), false);
    }

    /**
     * Tangent-linear product on a checked direction.
     * @param v the direction (checked; do not modify or keep)
     * @return J v, a new array of length m
     */
    protected abstract double[] tangent(double[] v);

    /**
     * Adjoint product on a checked co-direction.
     * @param w the co-direction (checked; do not modify or keep)
     * @return J^T w, a new array of length n
     */
    protected abstract double[] adjoint(double[] w);

    /**
     * Computes the full Jacobian. The default builds it column by column from {@link #tangent} (or row by row
     * from {@link #adjoint} when m &lt; n); subclasses override it with a cheaper exact formula where they have one.
     * @return the m x n Jacobian as a new row-major array
     */
    protected double[][] computeJacobian() {
        final int n = model.parameterSize();
        final int m = model.observationSize();
        final double[][] jac = new double[m][n];
        if (m < n) {
            final double[] w = new double[m];
            for (int i = 0; i < m; i++) {
                w[i] = 1.0;
                jac[i] = adjoint(w);
                w[i] = 0.0;
            }
        } else {
            final double[] v = new double[n];
            for (int j = 0; j < n; j++) {
                v[j] = 1.0;
                final double[] col = tangent(v);
                v[j] = 0.0;
                for (int i = 0; i < m; i++) {
                    jac[i][j] = col[i];
                }
            }
        }
        return jac;
    }
}
