package org.deceptron.pde.numerics;

/**
 * Two-dimensional incompressible Navier-Stokes in vorticity form on a periodic grid,
 * {@code w_t + u . grad w = nu Lap w}, {@code u = (psi_y, -psi_x)}, {@code -Lap psi = w}: pseudo-spectral
 * with the 2/3 rule (fields are truncated before the product and the product after it) and the
 * integrating-factor Heun scheme (IF-RK2), which treats viscosity exactly and advection explicitly:
 * <pre>
 *   N(w)     = -P[ u(w) w_x + v(w) w_y ]            (P: 2/3 truncation)
 *   w*       = E (w^s + dt N(w^s)),                  E = exp(-nu |k|^2 dt)
 *   w^{s+1}  = E (w^s + dt/2 N(w^s)) + dt/2 N(w*)
 * </pre>
 * The state is kept in Fourier space. Tangent and adjoint are the exact derivatives of this discrete scheme
 * (the adjoint of a real Fourier multiplier m is the multiplier conj(m); pointwise products are self-adjoint).
 * Immutable and thread safe; {@link Trajectory} and {@link Work} belong to one thread.
 * </p>
 */
public final class VorticityScheme {

    /** Grid. */
    private final PeriodicGrid2d grid;

    /** Viscosity. */
    private final double nu;

    /** Time step. */
    private final double dt;

    /** Steps. */
    private final int steps;

    /** Integrating factor E. */
    private final double[] expo;

    /** Dealiasing mask. */
    private final double[] mask;

    /** Symbol (times i) of w -&gt; u = psi_y: P ky / |k|^2. */
    private final double[] symU;

    /** Symbol (times i) of w -&gt; v = -psi_x: -P kx / |k|^2. */
    private final double[] symV;

    /** Symbol (times i) of w -&gt; w_x: P kx. */
    private final double[] symX;

    /** Symbol (times i) of w -&gt; w_y: P ky. */
    private final double[] symY;

    /** The stage term of {@link #run}: {@link #nonlinear}. */
    private final StageTerm valueTerm = this::nonlinear;

    /** The stage term of {@link #tangent}: {@link #nonlinearTangent}. */
    private final StageTerm tangentTerm = this::nonlinearTangent;

    /**
     * Creates the scheme.
     * @param grid the grid
     * @param nu viscosity
     * @param dt time step
     * @param steps number of steps
     */
    public VorticityScheme(final PeriodicGrid2d grid, final double nu, final double dt, final int steps) {
        this.grid = grid;
        this.nu = nu;
        this.dt = dt;
        this.steps = steps;
        final int size = grid.size();
        expo = new double[size];
        symU = new double[size];
        symV = new double[size];
        symX = new double[size];
        symY = new double[size];
        mask = grid.dealiasMask();
        final double[] k2 = grid.k2();
        final double[] dx = grid.derivativeX();
        final double[] dy = grid.derivativeY();
        for (int k = 0; k < size; k++) {
            expo[k] = Math.exp(-nu * k2[k] * dt);
            final double inv = k2[k] == 0 ? 0.0 : 1.0 / k2[k];
            symU[k] = mask[k] * dy[k] * inv;
            symV[k] = -mask[k] * dx[k] * inv;
            symX[k] = mask[k] * dx[k];
            symY[k] = mask[k] * dy[k];
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
     * Returns the viscosity.
     * @return nu
     */
    public double viscosity() {
        return nu;
    }

    /**
     * Returns the time step.
     * @return dt
     */
    public double timeStep() {
        return dt;
    }

    /**
     * Returns the number of steps.
     * @return steps
     */
    public int steps() {
        return steps;
    }

    /**
     * Allocates trajectory storage.
     * @return a trajectory for {@link #run}
     */
    public Trajectory newTrajectory() {
        return new Trajectory(2 * steps, grid.size());
    }

    /**
     * Allocates per-thread work arrays.
     * @return the work arrays
     */
    public Work newWork() {
        return new Work(grid);
    }

    /**
     * Runs the scheme from a vorticity field.
     * @param omega0 initial vorticity on the grid (not modified)
     * @param trajectory if not null, receives the stage velocities and vorticity gradients
     * @param work work arrays
     * @return the final vorticity on the grid (new array)
     */
    public double[] run(final double[] omega0, final Trajectory trajectory, final Work work) {
        final int size = grid.size();
        final double[] wr = new double[size];
        final double[] wi = new double[size];
        grid.forwardReal(omega0, wr, wi, work.ws);
        integrate(wr, wi, valueTerm, trajectory, work);
        final double[] out = new double[size];
        grid.inverseReal(wr, wi, out, work.ws);
        return out;
    }

    /**
     * Propagates a tangent (a real initial perturbation) along a stored trajectory.
     * @param trajectory the trajectory of {@link #run}
     * @param dOmega0 initial perturbation on the grid (not modified)
     * @param out final perturbation on the grid (output)
     * @param work work arrays
     */
    public void tangent(final Trajectory trajectory, final double[] dOmega0, final double[] out, final Work work) {
        final double[] wr = work.tr;
        final double[] wi = work.ti;
        grid.forwardReal(dOmega0, wr, wi, work.ws);
        integrate(wr, wi, tangentTerm, trajectory, work);
        grid.inverseReal(wr, wi, out, work.ws);
    }

    /**
     * The IF-RK2 steps of {@link #run} and of {@link #tangent}, in place on a spectrum: the tangent of the scheme is
     * the same recurrence with the nonlinear term replaced by its linearisation (the rest of the scheme is linear).
     * @param wr spectrum, real parts (initial, then final)
     * @param wi spectrum, imaginary parts (initial, then final)
     * @param term the nonlinear term, or its linearisation
     * @param trajectory the trajectory recorded or read by {@code term} (may be null for {@link #nonlinear})
     * @param work work arrays
     */
    private void integrate(final double[] wr, final double[] wi, final StageTerm term, final Trajectory trajectory,
                           final Work work) {
        final int size = grid.size();
        final double[] ar = work.ar;
        final double[] ai = work.ai;
        final double[] br = work.br;
        final double[] bi = work.bi;
        final double[] sr = work.sr;
        final double[] si = work.si;
        for (int s = 0; s < steps; s++) {
            term.apply(wr, wi, ar, ai, trajectory, 2 * s, work);
            for (int k = 0; k < size; k++) {
                sr[k] = expo[k] * (wr[k] + dt * ar[k]);
                si[k] = expo[k] * (wi[k] + dt * ai[k]);
            }
            term.apply(sr, si, br, bi, trajectory, 2 * s + 1, work);
            for (int k = 0; k < size; k++) {
                wr[k] = expo[k] * (wr[k] + 0.5 * dt * ar[k]) + 0.5 * dt * br[k];
                wi[k] = expo[k] * (wi[k] + 0.5 * dt * ai[k]) + 0.5 * dt * bi[k];
            }
        }
    }

    /**
     * Propagates an adjoint (a co-direction on the final vorticity) backwards along a stored trajectory.
     * @param trajectory the trajectory of {@link #run}
     * @param w co-direction on the grid (not modified)
     * @param out J^T w on the grid (output)
     * @param work work arrays
     */
    public void adjoint(final Trajectory trajectory, final double[] w, final double[] out, final Work work) {
        final int size = grid.size();
        final double[] lr = work.tr;
        final double[] li = work.ti;
        grid.forwardReal(w, lr, li, work.ws);
        final double[] ar = work.ar;
        final double[] ai = work.ai;
        final double[] br = work.br;
        final double[] bi = work.bi;
        final double[] sr = work.sr;
        final double[] si = work.si;
        final double half = 0.5 * dt;
        for (int s = steps - 1; s >= 0; s--) {
            // mu* = dt/2 N_b'^T lambda
            nonlinearAdjoint(lr, li, br, bi, trajectory, 2 * s + 1, work);
            for (int k = 0; k < size; k++) {
                br[k] *= half;
                bi[k] *= half;
                // argument of N_a'^T: E (dt/2 lambda + dt mu*)
                sr[k] = expo[k] * (half * lr[k] + dt * br[k]);
                si[k] = expo[k] * (half * li[k] + dt * bi[k]);
            }
            nonlinearAdjoint(sr, si, ar, ai, trajectory, 2 * s, work);
            for (int k = 0; k < size; k++) {
                lr[k] = expo[k] * (lr[k] + br[k]) + ar[k];
                li[k] = expo[k] * (li[k] + bi[k]) + ai[k];
            }
        }
        grid.inverseReal(lr, li, out, work.ws);
    }

    /**
     * Evaluates the nonlinear term and records the stage fields.
     * @param wr vorticity spectrum, real parts
     * @param wi vorticity spectrum, imaginary parts
     * @param nr N spectrum, real parts (output)
     * @param ni N spectrum, imaginary parts (output)
     * @param trajectory storage or null
     * @param slot stage slot
     * @param work work arrays
     */
    private void nonlinear(final double[] wr, final double[] wi, final double[] nr, final double[] ni,
                           final Trajectory trajectory, final int slot, final Work work) {
        final int size = grid.size();
        final double[] u = trajectory == null ? work.f1 : trajectory.u[slot];
        final double[] v = trajectory == null ? work.f2 : trajectory.v[slot];
        final double[] gx = trajectory == null ? work.f3 : trajectory.wx[slot];
        final double[] gy = trajectory == null ? work.f4 : trajectory.wy[slot];
        fields(wr, wi, u, v, gx, gy, work);
        final double[] prod = work.f5;
        for (int i = 0; i < size; i++) {
            prod[i] = -(u[i] * gx[i] + v[i] * gy[i]);
        }
        forwardMasked(prod, nr, ni, work);
    }

    /**
     * Linearised nonlinear term at a stored stage.
     * @param dr perturbation spectrum, real parts
     * @param di perturbation spectrum, imaginary parts
     * @param nr output spectrum, real parts
     * @param ni output spectrum, imaginary parts
     * @param trajectory the trajectory
     * @param slot stage slot
     * @param work work arrays
     */
    private void nonlinearTangent(final double[] dr, final double[] di, final double[] nr, final double[] ni,
                                  final Trajectory trajectory, final int slot, final Work work) {
        final int size = grid.size();
        final double[] du = work.f1;
        final double[] dv = work.f2;
        final double[] dgx = work.f3;
        final double[] dgy = work.f4;
        fields(dr, di, du, dv, dgx, dgy, work);
        final double[] u = trajectory.u[slot];
        final double[] v = trajectory.v[slot];
        final double[] gx = trajectory.wx[slot];
        final double[] gy = trajectory.wy[slot];
        final double[] prod = work.f5;
        for (int i = 0; i < size; i++) {
            prod[i] = -(du[i] * gx[i] + u[i] * dgx[i] + dv[i] * gy[i] + v[i] * dgy[i]);
        }
        forwardMasked(prod, nr, ni, work);
    }

    /**
     * Transposed linearised nonlinear term at a stored stage (spectra of grid co-states).
     * @param gr co-state spectrum, real parts
     * @param gi co-state spectrum, imaginary parts
     * @param outr output spectrum, real parts
     * @param outi output spectrum, imaginary parts
     * @param trajectory the trajectory
     * @param slot stage slot
     * @param work work arrays
     */
    private void nonlinearAdjoint(final double[] gr, final double[] gi, final double[] outr, final double[] outi,
                                  final Trajectory trajectory, final int slot, final Work work) {
        final int size = grid.size();
        final double[] pr = work.pr;
        final double[] pi = work.pi;
        for (int k = 0; k < size; k++) {
            pr[k] = mask[k] * gr[k];
            pi[k] = mask[k] * gi[k];
        }
        final double[] pg = work.f5;
        grid.inverseReal(pr, pi, pg, work.ws);
        final double[] u = trajectory.u[slot];
        final double[] v = trajectory.v[slot];
        final double[] gx = trajectory.wx[slot];
        final double[] gy = trajectory.wy[slot];
        final double[] p1 = work.f1;
        final double[] p2 = work.f2;
        final double[] p3 = work.f3;
        final double[] p4 = work.f4;
        for (int i = 0; i < size; i++) {
            p1[i] = gx[i] * pg[i];
            p2[i] = u[i] * pg[i];
            p3[i] = gy[i] * pg[i];
            p4[i] = v[i] * pg[i];
        }
        grid.forwardPair(p1, p2, work.s1r, work.s1i, work.s2r, work.s2i, work.ws);
        grid.forwardPair(p3, p4, work.s3r, work.s3i, work.s4r, work.s4i, work.ws);
        // out = -(conj(i symU) p1 + conj(i symX) p2 + conj(i symV) p3 + conj(i symY) p4)
        //     = i (symU p1 + symX p2 + symV p3 + symY p4)
        for (int k = 0; k < size; k++) {
            final double re = symU[k] * work.s1r[k] + symX[k] * work.s2r[k] + symV[k] * work.s3r[k]
                    + symY[k] * work.s4r[k];
            final double im = symU[k] * work.s1i[k] + symX[k] * work.s2i[k] + symV[k] * work.s3i[k]
                    + symY[k] * work.s4i[k];
            outr[k] = -im;
            outi[k] = re;
        }
    }

    /**
     * Transforms a grid field and applies the 2/3 truncation to its spectrum.
     * @param prod the grid field (not modified)
     * @param nr spectrum, real parts (output)
     * @param ni spectrum, imaginary parts (output)
     * @param work work arrays
     */
    private void forwardMasked(final double[] prod, final double[] nr, final double[] ni, final Work work) {
        final int size = grid.size();
        grid.forwardReal(prod, nr, ni, work.ws);
        for (int k = 0; k < size; k++) {
            nr[k] *= mask[k];
            ni[k] *= mask[k];
        }
    }

    /**
     * Computes velocity and vorticity gradient on the grid from a vorticity spectrum.
     * @param wr spectrum real parts
     * @param wi spectrum imaginary parts
     * @param u output u
     * @param v output v
     * @param gx output w_x
     * @param gy output w_y
     * @param work work arrays
     */
    private void fields(final double[] wr, final double[] wi, final double[] u, final double[] v,
                        final double[] gx, final double[] gy, final Work work) {
        final int size = grid.size();
        final double[] s1r = work.s1r;
        final double[] s1i = work.s1i;
        final double[] s2r = work.s2r;
        final double[] s2i = work.s2i;
        // i m (a + ib) = -m b + i m a
        for (int k = 0; k < size; k++) {
            s1r[k] = -symU[k] * wi[k];
            s1i[k] = symU[k] * wr[k];
            s2r[k] = -symV[k] * wi[k];
            s2i[k] = symV[k] * wr[k];
        }
        grid.inversePair(s1r, s1i, s2r, s2i, u, v, work.ws);
        for (int k = 0; k < size; k++) {
            s1r[k] = -symX[k] * wi[k];
            s1i[k] = symX[k] * wr[k];
            s2r[k] = -symY[k] * wi[k];
            s2i[k] = symY[k] * wr[k];
        }
        grid.inversePair(s1r, s1i, s2r, s2i, gx, gy, work.ws);
    }

    /** The nonlinear term of a stage, {@link #nonlinear} or {@link #nonlinearTangent}. */
    @FunctionalInterface
    private interface StageTerm {

        /**
         * Evaluates the term at a stage.
         * @param wr spectrum, real parts
         * @param wi spectrum, imaginary parts
         * @param nr output spectrum, real parts
         * @param ni output spectrum, imaginary parts
         * @param trajectory the trajectory (recorded or read)
         * @param slot stage slot
         * @param work work arrays
         */
        void apply(double[] wr, double[] wi, double[] nr, double[] ni, Trajectory trajectory, int slot, Work work);
    }

    /** Stored stage fields of one run (velocity and vorticity gradient at each of the 2 stages per step). */
    public static final class Trajectory {

        /** u per stage. */
        final double[][] u;

        /** v per stage. */
        final double[][] v;

        /** w_x per stage. */
        final double[][] wx;

        /** w_y per stage. */
        final double[][] wy;

        /**
         * Allocates.
         * @param slots number of stages
         * @param size grid size
         */
        Trajectory(final int slots, final int size) {
            u = new double[slots][size];
            v = new double[slots][size];
            wx = new double[slots][size];
            wy = new double[slots][size];
        }
    }

    /** Per-thread work arrays. */
    public static final class Work {

        /** Grid workspace. */
        final PeriodicGrid2d.Workspace ws;

        /** Spectral scratch. */
        final double[] ar;
        /** Spectral scratch. */
        final double[] ai;
        /** Spectral scratch. */
        final double[] br;
        /** Spectral scratch. */
        final double[] bi;
        /** Spectral scratch. */
        final double[] sr;
        /** Spectral scratch. */
        final double[] si;
        /** Tangent/adjoint state. */
        final double[] tr;
        /** Tangent/adjoint state. */
        final double[] ti;
        /** Spectral scratch. */
        final double[] pr;
        /** Spectral scratch. */
        final double[] pi;
        /** Spectral scratch. */
        final double[] s1r;
        /** Spectral scratch. */
        final double[] s1i;
        /** Spectral scratch. */
        final double[] s2r;
        /** Spectral scratch. */
        final double[] s2i;
        /** Spectral scratch. */
        final double[] s3r;
        /** Spectral scratch. */
        final double[] s3i;
        /** Spectral scratch. */
        final double[] s4r;
        /** Spectral scratch. */
        final double[] s4i;
        /** Grid scratch. */
        final double[] f1;
        /** Grid scratch. */
        final double[] f2;
        /** Grid scratch. */
        final double[] f3;
        /** Grid scratch. */
        final double[] f4;
        /** Grid scratch. */
        final double[] f5;

        /**
         * Allocates.
         * @param grid the grid
         */
        Work(final PeriodicGrid2d grid) {
            final int size = grid.size();
            ws = grid.workspace();
            ar = new double[size];
            ai = new double[size];
            br = new double[size];
            bi = new double[size];
            sr = new double[size];
            si = new double[size];
            tr = new double[size];
            ti = new double[size];
            pr = new double[size];
            pi = new double[size];
            s1r = new double[size];
            s1i = new double[size];
            s2r = new double[size];
            s2i = new double[size];
            s3r = new double[size];
            s3i = new double[size];
            s4r = new double[size];
            s4i = new double[size];
            f1 = new double[size];
            f2 = new double[size];
            f3 = new double[size];
            f4 = new double[size];
            f5 = new double[size];
        }
    }
}
