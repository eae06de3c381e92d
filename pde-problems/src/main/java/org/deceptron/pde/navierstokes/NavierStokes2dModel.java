package org.deceptron.pde.navierstokes;

import org.deceptron.pde.AbstractPdeModel;
import org.deceptron.pde.PdeLinearization;
import org.deceptron.pde.numerics.PeriodicGrid2d;
import org.deceptron.pde.numerics.VorticityScheme;

/**
 * The navier-stokes-2d forward model: 2-D incompressible Navier-Stokes in vorticity form on the periodic square
 * [0, 2pi)^2, pseudo-spectral with 2/3 dealiasing and integrating-factor RK2 ({@link VorticityScheme});
 * observation: the vorticity at the final time. Derivatives: exact tangent and adjoint of the discrete scheme. A
 * linearization integrates the trajectory once and keeps it, so each product is one tangent or adjoint sweep.
 */
public final class NavierStokes2dModel extends AbstractPdeModel {

    /** Scheme. */
    private final VorticityScheme scheme;

    /**
     * Creates the model.
     * @param id the id
     * @param points grid points per side
     * @param bound box bound: the vorticity lives in [-bound, bound]
     * @param nu viscosity
     * @param dt time step
     * @param steps number of time steps
     * @param noise observation noise of the training data (fingerprint)
     * @param constants canonical description of the constants (fingerprint)
     */
    NavierStokes2dModel(final String id, final int points, final double bound, final double nu, final double dt,
                        final int steps, final double noise, final String constants) {
        super(id, points * points, points * points, -bound, bound, noise, constants);
        scheme = new VorticityScheme(new PeriodicGrid2d(points, 2.0 * Math.PI), nu, dt, steps);
    }

    /**
     * Returns the scheme (for tests).
     * @return the scheme
     */
    VorticityScheme scheme() {
        return scheme;
    }

    /** {@inheritDoc} */
    @Override
    protected double[] computeValue(final double[] x) {
        return scheme.run(x, null, scheme.newWork());
    }

    /** {@inheritDoc} */
    @Override
    protected PdeLinearization computeLinearization(final double[] x) {
        final VorticityScheme.Trajectory trajectory = scheme.newTrajectory();
        scheme.run(x, trajectory, scheme.newWork());
        final int n = parameterSize();
        return new PdeLinearization(this) {
            @Override
            protected double[] tangent(final double[] v) {
                final double[] out = new double[n];
                scheme.tangent(trajectory, v, out, scheme.newWork());
                return out;
            }

            @Override
            protected double[] adjoint(final double[] w) {
                final double[] out = new double[n];
                scheme.adjoint(trajectory, w, out, scheme.newWork());
                return out;
            }

            @Override
            protected double[][] computeJacobian() {
                final VorticityScheme.Work work = scheme.newWork();
                final double[][] jac = new double[n][n];
                final double[] e = new double[n];
                final double[] col = new double[n];
                for (int j = 0; j < n; j++) {
                    e[j] = 1.0;
                    scheme.tangent(trajectory, e, col, work);
                    e[j] = 0.0;
                    for (int i = 0; i < n; i++) {
                        jac[i][j] = col[i];
                    }
                }
                return jac;
            }
        };
    }
}
