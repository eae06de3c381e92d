package org.deceptron.pde.darcy;

import java.util.Arrays;

import org.deceptron.pde.AbstractPdeModel;
import org.deceptron.pde.PdeLinearization;
import org.deceptron.pde.numerics.CellCentredDarcy;

/**
 * The darcy-2d forward model: {@code -div(exp(theta) grad u) = source}, u = 0 on the boundary, cell-centred
 * finite volumes with harmonic face means ({@link CellCentredDarcy}) on N x N cells; observation: the full cell
 * pressure field. Derivatives: exact derivatives of the discrete system; a linearization factors the SPD matrix
 * once and answers each tangent or adjoint product with one solve against that factor.
 */
public final class Darcy2dModel extends AbstractPdeModel {

    /** Discretisation. */
    private final CellCentredDarcy darcy;

    /** Constant source array. */
    private final double[] source;

    /**
     * Creates the model.
     * @param id the id
     * @param cells cells per side
     * @param lower lower bound of the log-permeability
     * @param upper upper bound of the log-permeability
     * @param source the constant source
     * @param noise observation noise of the training data (fingerprint)
     * @param constants canonical description of the constants (fingerprint)
     */
    Darcy2dModel(final String id, final int cells, final double lower, final double upper, final double source,
                 final double noise, final String constants) {
        super(id, cells * cells, cells * cells, lower, upper, noise, constants);
        this.darcy = new CellCentredDarcy(cells);
        this.source = new double[cells * cells];
        Arrays.fill(this.source, source);
    }

    /** {@inheritDoc} */
    @Override
    protected double[] computeValue(final double[] x) {
        return darcy.solve(x, source).pressure().clone();
    }

    /** {@inheritDoc} */
    @Override
    protected PdeLinearization computeLinearization(final double[] x) {
        final CellCentredDarcy.Solution s = darcy.solve(x, source);
        return new PdeLinearization(this) {
            @Override
            protected double[] tangent(final double[] v) {
                return s.tangent(v);
            }

            @Override
            protected double[] adjoint(final double[] w) {
                return s.adjoint(w);
            }

            @Override
            protected double[][] computeJacobian() {
                final int n = parameterSize();
                final double[][] jac = new double[n][n];
                final double[] col = new double[n];
                for (int j = 0; j < n; j++) {
                    s.tangentColumn(j, col);
                    for (int i = 0; i < n; i++) {
                        jac[i][j] = col[i];
                    }
                }
                return jac;
            }
        };
    }
}
