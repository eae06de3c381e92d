package org.deceptron.pde.navierstokes;

import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.pde.Descriptions;
import org.deceptron.pde.PdeFamily;
import org.deceptron.pde.PdeProtocol;
import org.deceptron.pde.numerics.PriorFields;
import org.deceptron.pde.numerics.VorticityScheme;
import org.hipparchus.random.RandomGenerator;
import org.osgi.service.component.annotations.Component;

/**
 * navier-stokes-2d: recover the initial vorticity of a 2-D incompressible flow from its vorticity at time T.
 * <ul>
 * <li>Unknown: initial vorticity on a {@link #POINTS} x {@link #POINTS} periodic grid of [0, 2 pi)^2, box
 * [-{@link #BOUND}, {@link #BOUND}] = [-5, 5] (the prior never reaches it: max |w0| about 4 at RMS 1);
 * n = m = 256.</li>
 * <li>Map: {@code w_t + u . grad w = nu Lap w}, {@code u = (psi_y, -psi_x)}, {@code -Lap psi = w},
 * pseudo-spectral with the 2/3 rule (|kx|, |ky| &lt;= 5 kept), integrating-factor Heun (IF-RK2) time stepping
 * ({@link VorticityScheme}); observation: the vorticity at T, full field.
 * {@link #NU} = 0.01 (small: the highest kept mode loses 1 - e^-0.5 of its amplitude over T, the advective
 * turnover time 1/|w|_rms = 1 is 25 times shorter than the viscous time 1/(nu |k|^2) of the energetic |k| = 2
 * modes),
 * {@link #TIME} = 1 (one turnover: strongly nonlinear, the map deviates from its linearisation at w0 = 0 by
 * about 60%, yet LM from 0 converges in 5-6 iterations), {@link #DT} = 0.05 (20 steps, advective CFL (|u| + |v|) dt / h
 * at most 0.31 over 200 prior samples; the viscous part is exact).</li>
 * <li>Noise: {@link #NOISE} = 0.01 (1% of the RMS vorticity).</li>
 * <li>Prior: random smooth vorticity, Fourier modes 1 &lt;= |k| &lt;= 4 with N(0,1) exp(-|k|^2/8) cosine and sine
 * coefficients, rescaled to RMS {@link #PRIOR_RMS} = 1 (resolved, dealiased scales), clipped to the box.</li>
 * <li>Start w = 0 (box midpoint). Tolerance 1.5.</li>
 * </ul>
 * Grid: 16 x 16 (the design allows 16 or 32): at 32 x 32 one Jacobian needs 1024 tangent runs (about 4 s) and LM's
 * QR another 4 s per iteration, over 20 s per solve; at 16 x 16 LM solves in about 1-2 s.
 * Derivatives: exact tangent and adjoint of the discrete scheme (stored stage fields); Jacobian column by column.
 */
@Component(service = ForwardFamily.class, property = "family.id=navier-stokes-2d")
public final class NavierStokes2dFamily extends PdeFamily<NavierStokes2dModel> {

    /** Family id. */
    public static final String ID = "navier-stokes-2d";

    /** Points per side. */
    public static final int POINTS = 16;

    /** Viscosity. */
    public static final double NU = 0.01;

    /** Final time. */
    public static final double TIME = 1.0;

    /** Time step. */
    public static final double DT = 0.05;

    /** Box bound on the vorticity. */
    public static final double BOUND = 5.0;

    /** Prior RMS vorticity. */
    public static final double PRIOR_RMS = 1.0;

    /** Prior highest wavenumber. */
    private static final int PRIOR_K = 4;

    /** Observation noise. */
    public static final double NOISE = 0.01;

    /** Creates the family (DS component and ServiceLoader entry). */
    public NavierStokes2dFamily() {
        super(new NavierStokes2dModel(ID, POINTS, BOUND, NU, DT, steps(), NOISE,
                        Descriptions.describe("grid", POINTS, "length", "2pi", "nu", NU, "T", TIME, "dt", DT,
                                "steps", steps(), "scheme", "pseudo-spectral 2/3 IF-RK2",
                                "observation", "vorticity at T", "priorRms", PRIOR_RMS, "priorK", PRIOR_K,
                                "priorSpectrum", "exp(-k^2/8)")),
                new PdeProtocol(POINTS * POINTS, NOISE, 0.0, NavierStokes2dFamily::samplePrior));
    }

    /**
     * Number of time steps T/dt.
     * @return the steps
     */
    private static int steps() {
        return (int) Math.round(TIME / DT);
    }

    /**
     * Draws an initial vorticity from the prior.
     * @param random the random source
     * @return a new field of length n, inside the box
     */
    private static double[] samplePrior(final RandomGenerator random) {
        final int n = POINTS;
        final double h = 2.0 * Math.PI / n;
        final double[] x = new double[n * n];
        for (int ky = -PRIOR_K; ky <= PRIOR_K; ky++) {
            for (int kx = -PRIOR_K; kx <= PRIOR_K; kx++) {
                final int k2 = kx * kx + ky * ky;
                if (k2 == 0 || k2 > PRIOR_K * PRIOR_K) {
                    continue;
                }
                final double scale = Math.exp(-k2 / 8.0);
                final double a = random.nextGaussian() * scale;
                final double b = random.nextGaussian() * scale;
                for (int iy = 0; iy < n; iy++) {
                    for (int ix = 0; ix < n; ix++) {
                        final double phase = kx * ix * h + ky * iy * h;
                        x[iy * n + ix] += a * Math.cos(phase) + b * Math.sin(phase);
                    }
                }
            }
        }
        double ss = 0;
        for (final double v : x) {
            ss += v * v;
        }
        final double scale = PRIOR_RMS / Math.sqrt(ss / x.length);
        for (int i = 0; i < x.length; i++) {
            x[i] *= scale;
        }
        PriorFields.clip(x, -BOUND, BOUND);
        return x;
    }
}
