package org.deceptron.pde.numerics;

/**
 * The Allen-Cahn equation {@code u_t = eps^2 Lap u + u - u^3} on a periodic grid, semi-implicit Fourier
 * spectral time stepping with the reaction explicit and the diffusion implicit:
 * {@code u^{s+1} = D (u^s + dt (u^s - (u^s)^3))}, {@code D = (I - dt eps^2 Lap)^{-1}} (symbol
 * {@code 1 / (1 + dt eps^2 |k|^2)}).
 * <p>
 * Tangent (exact derivative of the discrete scheme): {@code du^{s+1} = D (a_s .* du^s)},
 * {@code a_s = 1 + dt (1 - 3 (u^s)^2)}; adjoint: {@code lambda^s = a_s .* D lambda^{s+1}} (D is symmetric).
 * Immutable and thread safe.
 * </p>
 */
public final class AllenCahnScheme {

    /** The grid. */
    private final PeriodicGrid2d grid;

    /** Interface parameter eps. */
    private final double eps;

    /** Time step. */
    private final double dt;

    /** Number of steps. */
    private final int steps;

    /** Symbol of D. */
    private final double[] implicit;

    /**
     * Creates the scheme.
     * @param grid the periodic grid
     * @param eps interface parameter
     * @param dt time step
     * @param steps number of steps
     */
    public AllenCahnScheme(final PeriodicGrid2d grid, final double eps, final double dt, final int steps) {
        this.grid = grid;
        this.eps = eps;
        this.dt = dt;
        this.steps = steps;
        final double[] k2 = grid.k2();
        implicit = new double[k2.length];
        for (int i = 0; i < k2.length; i++) {
            implicit[i] = 1.0 / (1.0 + dt * eps * eps * k2[i]);
        }
    }

    /**
     * Returns the grid.
     * @return the grid
     */
    public PeriodicGrid2d grid() {
        return grid;
    }

    /**
     * Returns the number of steps.
     * @return steps
     */
    public int steps() {
        return steps;
    }

    /**
     * Runs the scheme.
     * @param u0 initial state (not modified)
     * @param gains if not null, receives a_s for s = 0..steps-1 (arrays of grid size) for the tangent/adjoint
     * @param ws workspace
     * @return the final state (new array)
     */
    public double[] run(final double[] u0, final double[][] gains, final PeriodicGrid2d.Workspace ws) {
        final int size = grid.size();
        final double[] re = u0.clone();
        final double[] im = new double[size];
        for (int s = 0; s < steps; s++) {
            if (gains != null) {
                final double[] a = gains[s];
                for (int i = 0; i < size; i++) {
                    a[i] = 1.0 + dt * (1.0 - 3.0 * re[i] * re[i]);
                }
            }
            for (int i = 0; i < size; i++) {
                final double u = re[i];
                re[i] = u + dt * (u - u * u * u);
            }
            java.util.Arrays.fill(im, 0.0);
            grid.applyEvenMultiplier(re, im, implicit, ws);
        }
        return re;
    }

    /**
     * Allocates the gain storage for {@link #run}.
     * @return steps x size array
     */
    public double[][] newGains() {
        return new double[steps][grid.size()];
    }

    /**
     * Propagates a complex tangent (two real tangents at once: real and imaginary parts) in place.
     * @param gains gains from {@link #run}
     * @param re real part (first tangent), overwritten
     * @param im imaginary part (second tangent), overwritten
     * @param ws workspace
     */
    public void tangent(final double[][] gains, final double[] re, final double[] im,
                        final PeriodicGrid2d.Workspace ws) {
        for (int s = 0; s < steps; s++) {
            final double[] a = gains[s];
            for (int i = 0; i < re.length; i++) {
                re[i] *= a[i];
                im[i] *= a[i];
            }
            grid.applyEvenMultiplier(re, im, implicit, ws);
        }
    }

    /**
     * Propagates a complex adjoint (two real co-states at once) backwards in place.
     * @param gains gains from {@link #run}
     * @param re real part, overwritten
     * @param im imaginary part, overwritten
     * @param ws workspace
     */
    public void adjoint(final double[][] gains, final double[] re, final double[] im,
                        final PeriodicGrid2d.Workspace ws) {
        for (int s = steps - 1; s >= 0; s--) {
            grid.applyEvenMultiplier(re, im, implicit, ws);
            final double[] a = gains[s];
            for (int i = 0; i < re.length; i++) {
                re[i] *= a[i];
                im[i] *= a[i];
            }
        }
    }

    /**
     * Discrete Ginzburg-Landau energy {@code h^2 sum (eps^2/2 |grad u|^2 + (u^2 - 1)^2 / 4)}, spectral gradient.
     * @param u the state
     * @param ws workspace
     * @return the energy
     */
    public double energy(final double[] u, final PeriodicGrid2d.Workspace ws) {
        final int size = grid.size();
        final double[] re = new double[size];
        final double[] im = new double[size];
        grid.forwardReal(u, re, im, ws);
        final double[] xr = new double[size];
        final double[] xi = new double[size];
        final double[] yr = new double[size];
        final double[] yi = new double[size];
        final double[] dx = grid.derivativeX();
        final double[] dy = grid.derivativeY();
        for (int k = 0; k < size; k++) {
            xr[k] = -dx[k] * im[k];
            xi[k] = dx[k] * re[k];
            yr[k] = -dy[k] * im[k];
            yi[k] = dy[k] * re[k];
        }
        final double[] ux = new double[size];
        final double[] uy = new double[size];
        grid.inversePair(xr, xi, yr, yi, ux, uy, ws);
        double e = 0;
        for (int i = 0; i < size; i++) {
            final double w = u[i] * u[i] - 1.0;
            e += 0.5 * eps * eps * (ux[i] * ux[i] + uy[i] * uy[i]) + 0.25 * w * w;
        }
        final double h = grid.spacing();
        return e * h * h;
    }
}
