package org.deceptron.pde.advdiff;

import org.deceptron.pde.AbstractPdeModel;
import org.deceptron.pde.PdeLinearization;
import org.deceptron.pde.numerics.CubicSineMap;
import org.deceptron.pde.numerics.PeriodicGrid2d;

/**
 * The adv-diff-2d forward model: {@code u_t + c . grad u = nu Lap u} on the periodic unit square, solved exactly in
 * Fourier space (a circulant operator L), observed through the pointwise sensor {@code phi(z) = z + a z^3 +
 * b sin(c z)}. Derivatives: {@code J = diag(phi'(L x)) L} exactly (the adjoint uses the conjugate symbol); a
 * linearization keeps {@code phi'(L x)}, so each product is one FFT pair.
 */
public final class AdvectionDiffusion2dModel extends AbstractPdeModel {

    /** Points per side. */
    private final int points;

    /** Grid. */
    private final PeriodicGrid2d grid;

    /** Symbol, real parts. */
    private final double[] symbolRe;

    /** Symbol, imaginary parts. */
    private final double[] symbolIm;

    /** Impulse response of the linear part (response to a unit value at point 0). */
    private final double[] impulse;

    /** Sensor. */
    private final CubicSineMap phi;

    /**
     * Creates the model.
     * @param id the id
     * @param points grid points per side of the periodic unit square
     * @param cx advection velocity, x
     * @param cy advection velocity, y
     * @param nu diffusivity
     * @param time final time
     * @param cubic sensor cubic coefficient
     * @param sine sensor sine amplitude
     * @param frequency sensor sine frequency
     * @param noise observation noise of the training data (fingerprint)
     * @param constants canonical description of the constants (fingerprint)
     */
    AdvectionDiffusion2dModel(final String id, final int points, final double cx, final double cy, final double nu,
                              final double time, final double cubic, final double sine, final double frequency,
                              final double noise, final String constants) {
        super(id, points * points, points * points, 0.0, 1.0, noise, constants);
        this.points = points;
        grid = new PeriodicGrid2d(points, 1.0);
        phi = new CubicSineMap(cubic, sine, frequency);
        final int size = grid.size();
        symbolRe = new double[size];
        symbolIm = new double[size];
        final double[] k2 = grid.k2();
        final double[] dx = grid.derivativeX();
        final double[] dy = grid.derivativeY();
        for (int k = 0; k < size; k++) {
            final double damp = Math.exp(-nu * k2[k] * time);
            final double phase = -(cx * dx[k] + cy * dy[k]) * time;
            symbolRe[k] = damp * Math.cos(phase);
            symbolIm[k] = damp * Math.sin(phase);
        }
        final double[] e = new double[size];
        e[0] = 1.0;
        impulse = applyLinear(e, false);
    }

    /**
     * Applies the linear advection-diffusion operator L (or its transpose).
     * @param f the field
     * @param transpose true for L^T (conjugate symbol)
     * @return L f or L^T f
     */
    private double[] applyLinear(final double[] f, final boolean transpose) {
        final int size = grid.size();
        final PeriodicGrid2d.Workspace ws = grid.workspace();
        final double[] re = new double[size];
        final double[] im = new double[size];
        grid.forwardReal(f, re, im, ws);
        final double sign = transpose ? -1.0 : 1.0;
        for (int k = 0; k < size; k++) {
            final double a = re[k];
            final double b = im[k];
            final double sr = symbolRe[k];
            final double si = sign * symbolIm[k];
            re[k] = a * sr - b * si;
            im[k] = a * si + b * sr;
        }
        final double[] out = new double[size];
        grid.inverseReal(re, im, out, ws);
        return out;
    }

    /**
     * Returns the linear part L x (advected and diffused field before the sensor); for tests.
     * @param x the initial field
     * @return u(T)
     */
    double[] linearPart(final double[] x) {
        return applyLinear(x, false);
    }

    /** {@inheritDoc} */
    @Override
    protected double[] computeValue(final double[] x) {
        final double[] z = applyLinear(x, false);
        phi.apply(z, z, null);
        return z;
    }

    /** {@inheritDoc} */
    @Override
    protected PdeLinearization computeLinearization(final double[] x) {
        final double[] slope = applyLinear(x, false);
        for (int i = 0; i < slope.length; i++) {
            slope[i] = phi.derivative(slope[i]);
        }
        return new PdeLinearization(this) {
            @Override
            protected double[] tangent(final double[] v) {
                final double[] dz = applyLinear(v, false);
                for (int i = 0; i < dz.length; i++) {
                    dz[i] *= slope[i];
                }
                return dz;
            }

            @Override
            protected double[] adjoint(final double[] w) {
                final double[] g = new double[w.length];
                for (int i = 0; i < g.length; i++) {
                    g[i] = slope[i] * w[i];
                }
                return applyLinear(g, true);
            }

            @Override
            protected double[][] computeJacobian() {
                return circulantJacobian(slope);
            }
        };
    }

    /**
     * The Jacobian diag(phi'(z)) L from the impulse response of the circulant L.
     * @param slope phi'(z) at the linearization point
     * @return the Jacobian, row-major
     */
    private double[][] circulantJacobian(final double[] slope) {
        final int n = points;
        final int size = n * n;
        final double[][] jac = new double[size][size];
        for (int iy = 0; iy < n; iy++) {
            for (int ix = 0; ix < n; ix++) {
                final int i = iy * n + ix;
                final double d = slope[i];
                final double[] row = jac[i];
                for (int jy = 0; jy < n; jy++) {
                    final int off = ((iy - jy + n) % n) * n;
                    for (int jx = 0; jx < n; jx++) {
                        row[jy * n + jx] = d * impulse[off + (ix - jx + n) % n];
                    }
                }
            }
        }
        return jac;
    }
}
