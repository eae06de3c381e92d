package org.deceptron.pde.heat;

import org.deceptron.dipg.spi.ForwardFamily;
import org.osgi.service.component.annotations.Component;

/**
 * heat-1d: the reference Heat-1D demo problem ({@code examples/heat1d_demo.py}), reproduced exactly.
 * <ul>
 * <li>Unknown: initial temperature on the 64 interior nodes x_j = j/65 of [0,1], box [0,1]; n = m = 64.</li>
 * <li>Map: exact sine-spectral heat semigroup, mode k times {@code exp(-kappa (pi k)^2 T)},
 * {@link #KAPPA} = 0.18, {@link #TIME} = 0.08; then the tridiagonal mixing matrix (diagonal 1, neighbours
 * {@link #MIX} = 0.10, each row divided by its sum); then {@code z + 0.18 z^3 + 0.08 sin(3 z)}.</li>
 * <li>Noise: {@link #NOISE} = 0.01 (raw units), full-field observation.</li>
 * <li>Prior: 10 orthonormal sine modes, coefficients N(0,1), the first plus 0.25 N(0,1), modes 2..10 divided by
 * k; min-max rescaled to [0,1] (with the reference's 1e-8 guard).</li>
 * <li>Start x = 0 (reference x0). Tolerance 1.5 on the normalised residual RMS (the true x scores 1.00 +- 0.09).
 * The linear part is severely ill-posed (mode 6 is damped to 0.006); LM still reaches the residual tolerance,
 * the x-error stays large, as in the paper.</li>
 * </ul>
 */
@Component(service = ForwardFamily.class, property = "family.id=heat-1d")
public final class Heat1dFamily extends HeatFamily {

    /** Family id. */
    public static final String ID = "heat-1d";

    /** Interior nodes. */
    public static final int NODES = 64;

    /** Diffusivity. */
    public static final double KAPPA = 0.18;

    /** Final time. */
    public static final double TIME = 0.08;

    /** Neighbour weight of the row-normalised tridiagonal mixing matrix. */
    public static final double MIX = 0.10;

    /** Cubic coefficient of the observation. */
    public static final double CUBIC = 0.18;

    /** Sine amplitude of the observation (frequency 3). */
    public static final double SINE = 0.08;

    /** Observation noise. */
    public static final double NOISE = 0.01;

    /** Creates the family (DS component and ServiceLoader entry). */
    public Heat1dFamily() {
        this(new HeatPrior(new int[] {NODES}, 10, 0.25, null));
    }

    /**
     * Creates the family with its prior.
     * @param prior the prior
     */
    private Heat1dFamily(final HeatPrior prior) {
        super(new HeatModel(ID, new int[] {NODES}, KAPPA, TIME, 1.0, MIX, 1.0, true, CUBIC, SINE, 3.0, NOISE, prior),
                prior, NOISE);
    }
}
