package org.deceptron.pde.heat;

import org.deceptron.dipg.spi.ForwardFamily;
import org.osgi.service.component.annotations.Component;

/**
 * heat-3d: the reference Heat-3D demo problem ({@code examples/heat3d_demo.py}), reproduced exactly.
 * <ul>
 * <li>Unknown: initial temperature on the 8 x 8 x 8 interior nodes of [0,1]^3 (x-major, z fastest), box [0,1];
 * n = m = 512.</li>
 * <li>Map: exact sine-spectral heat semigroup {@code exp(-kappa pi^2 (kx^2 + ky^2 + kz^2) T)},
 * {@link #KAPPA} = 0.10, {@link #TIME} = 0.012; then {@code (1 - 0.025) u + 0.025 blur(u)}, blur = 3x3x3 kernel
 * with centre 8 and 6 face neighbours 1, normalised to unit sum, zero padded; then
 * {@code z + 0.02 z^3 + 0.008 sin(2 z)}.</li>
 * <li>Noise: {@link #NOISE} = 0.0015, full field.</li>
 * <li>Prior: 3 x 3 x 3 sine modes N(0,1)/(i j k), plus one Gaussian blob (centre U[0.3,0.7]^3, widths
 * U[0.10,0.14] per axis, amplitude U[0.02,0.10]); min-max rescaled to [0,1].</li>
 * <li>Start x = 0 (reference x0). Tolerance 1.5.</li>
 * </ul>
 */
@Component(service = ForwardFamily.class, property = "family.id=heat-3d")
public final class Heat3dFamily extends HeatFamily {

    /** Family id. */
    public static final String ID = "heat-3d";

    /** Nodes per side. */
    public static final int NODES = 8;

    /** Diffusivity. */
    public static final double KAPPA = 0.10;

    /** Final time. */
    public static final double TIME = 0.012;

    /** Blur blend weight. */
    public static final double BLUR = 0.025;

    /** Cubic coefficient of the observation. */
    public static final double CUBIC = 0.02;

    /** Sine amplitude of the observation (frequency 2). */
    public static final double SINE = 0.008;

    /** Observation noise. */
    public static final double NOISE = 0.0015;

    /** Creates the family (DS component and ServiceLoader entry). */
    public Heat3dFamily() {
        this(new HeatPrior(new int[] {NODES, NODES, NODES}, 3, 0.0, new double[] {0.02, 0.10}));
    }

    /**
     * Creates the family with its prior.
     * @param prior the prior
     */
    private Heat3dFamily(final HeatPrior prior) {
        super(new HeatModel(ID, new int[] {NODES, NODES, NODES}, KAPPA, TIME, 8.0, 1.0, BLUR, false, CUBIC, SINE, 2.0,
                NOISE, prior), prior, NOISE);
    }
}
