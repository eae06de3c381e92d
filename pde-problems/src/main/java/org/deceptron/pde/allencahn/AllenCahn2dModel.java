package org.deceptron.pde.allencahn;

import java.util.Arrays;

import org.deceptron.pde.AbstractPdeModel;
import org.deceptron.pde.PdeLinearization;
import org.deceptron.pde.numerics.AllenCahnScheme;
import org.deceptron.pde.numerics.PeriodicGrid2d;

/**
 * The allen-cahn-2d forward model: {@code u_t = eps^2 Lap u + u - u^3} on a periodic square, semi-implicit Fourier
 * spectral time stepping ({@link AllenCahnScheme}); observation: the final state (unclipped, so the map is smooth).
 * Derivatives: exact tangent and adjoint of the discrete scheme. A linearization integrates the trajectory once
 * and keeps its gains, so each product is one tangent or adjoint sweep; the Jacobian propagates two columns per
 * complex tangent (real and imaginary parts), n/2 sweeps.
 */
public final class AllenCahn2dModel extends AbstractPdeModel {

    /** Scheme. */
    private final AllenCahnScheme scheme;

    /**
     * Creates the model.
     * @param id the id
     * @param points grid points per side of the periodic unit square
     * @param eps interface parameter
     * @param dt time step
     * @param steps number of time steps
     * @param noise observation noise of the training data (fingerprint)
     * @param constants canonical description of the constants (fingerprint)
     */
    AllenCahn2dModel(final String id, final int points, final double eps, final double dt, final int steps,
                     final double noise, final String constants) {
        super(id, points * points, points * points, -1.0, 1.0, noise, constants);
        scheme = new AllenCahnScheme(new PeriodicGrid2d(points, 1.0), eps, dt, steps);
    }

    /**
     * Returns the scheme (for tests of the numerics).
     * @return the scheme
     */
    AllenCahnScheme scheme() {
        return scheme;
    }

    /** {@inheritDoc} */
    @Override
    protected double[] computeValue(final double[] x) {
        return scheme.run(x, null, scheme.grid().workspace());
    }

    /** {@inheritDoc} */
    @Override
    protected PdeLinearization computeLinearization(final double[] x) {
        final double[][] gains = scheme.newGains();
        scheme.run(x, gains, scheme.grid().workspace());
        return new PdeLinearization(this) {
            @Override
            protected double[] tangent(final double[] v) {
                final double[] re = v.clone();
                scheme.tangent(gains, re, new double[re.length], scheme.grid().workspace());
                return re;
            }

            @Override
            protected double[] adjoint(final double[] w) {
                final double[] re = w.clone();
                scheme.adjoint(gains, re, new double[re.length], scheme.grid().workspace());
                return re;
            }

            @Override
            protected double[][] computeJacobian() {
                return pairedJacobian(gains);
            }
        };
    }

    /**
     * Builds the Jacobian two columns per complex tangent sweep.
     * @param gains the trajectory's gains
     * @return the Jacobian, row-major
     */
    private double[][] pairedJacobian(final double[][] gains) {
        final PeriodicGrid2d.Workspace ws = scheme.grid().workspace();
        final int n = parameterSize();
        final double[][] jac = new double[n][n];
        final double[] re = new double[n];
        final double[] im = new double[n];
        for (int j = 0; j < n; j += 2) {
            Arrays.fill(re, 0.0);
            Arrays.fill(im, 0.0);
            re[j] = 1.0;
            if (j + 1 < n) {
                im[j + 1] = 1.0;
            }
            scheme.tangent(gains, re, im, ws);
            for (int i = 0; i < n; i++) {
                jac[i][j] = re[i];
                if (j + 1 < n) {
                    jac[i][j + 1] = im[i];
                }
            }
        }
        return jac;
    }
}
