package org.deceptron.dipg.spi;

import org.hipparchus.linear.RealMatrix;

/** The linearization of {@link Linearization#ofMatrix(RealMatrix)}: products with a dense Jacobian. */
final class MatrixLinearization implements Linearization {

    /** The Jacobian (private copy). */
    private final RealMatrix jacobian;

    /**
     * Creates the linearization.
     * @param jacobian the m x n Jacobian (copied)
     */
    MatrixLinearization(final RealMatrix jacobian) {
        this.jacobian = jacobian.copy();
    }

    /** {@inheritDoc} */
    @Override
    public double[] jvp(final double[] v) {
        ModelChecks.checkFinite("v", v, jacobian.getColumnDimension());
        return jacobian.operate(v);
    }

    /** {@inheritDoc} */
    @Override
    public double[] vjp(final double[] w) {
        ModelChecks.checkFinite("w", w, jacobian.getRowDimension());
        return jacobian.preMultiply(w);
    }

    /** {@inheritDoc} */
    @Override
    public RealMatrix jacobian() {
        return jacobian.copy();
    }
}
