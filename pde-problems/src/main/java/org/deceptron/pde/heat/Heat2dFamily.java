package org.deceptron.pde.heat;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.deceptron.dipg.DipgFormats;
import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.osgi.service.component.annotations.Component;

/**
 * heat-2d: the 2-D analogue of the reference heat generators (the paper gives no settings for it).
 * <ul>
 * <li>Unknown: initial temperature on the 16 x 16 interior nodes of [0,1]^2, box [0,1]; n = m = 256.</li>
 * <li>Map: exact sine-spectral heat semigroup {@code exp(-kappa pi^2 (kx^2 + ky^2) T)}, {@link #KAPPA} = 0.10,
 * {@link #TIME} = 0.01: between Heat-3D (well conditioned) and Heat-1D (severely ill-posed): the highest mode
 * (16,16) is damped to 6e-3, mode (8,8) to 0.28. Then a 5-point blur blended in with weight
 * {@link #BLUR} = 0.05 (kernel centre 4, 4 face neighbours 1, normalised to unit sum, zero padded, the 2-D
 * analogue of Heat-3D's kernel); then {@code z + 0.30 z^3 + 0.05 sin(2 z)} (phi' &gt;= 0.9, monotone). The cubic is
 * larger than in the reference demos and the sine is chosen so that its own cubic Taylor term (-b c^3/6 z^3) does
 * not cancel the cubic (in Heat-2D's first draft, 0.25 z^3 + 0.08 sin 3z, they nearly cancelled on [0,1]): the map
 * deviates from its linearisation at the start by about 10% (relative, on prior samples).</li>
 * <li>Noise: {@link #NOISE} = 0.004 (0.4% of the [0,1] range, between the Heat-1D and Heat-3D levels).</li>
 * <li>Prior: 4 x 4 sine modes N(0,1)/(i j), plus one Gaussian blob (centre U[0.3,0.7]^2, widths U[0.10,0.14],
 * amplitude U[0.02,0.10]), min-max rescaled to [0,1] (the Heat-3D generator in 2-D).</li>
 * <li>Start x = 0. Tolerance 1.5.</li>
 * </ul>
 * <p>
 * {@link #withNodes(int)} gives the same physics on another N x N grid (the scaling study of {@code dipg scaling});
 * those families have the id {@code heat-2d-<N>x<N>} and their own fingerprint, and are not registered.
 * </p>
 */
@Component(service = ForwardFamily.class, property = "family.id=heat-2d")
public final class Heat2dFamily extends HeatFamily {

    /** Family id. */
    public static final String ID = "heat-2d";

    /** Nodes per side. */
    public static final int NODES = 16;

    /** Diffusivity. */
    public static final double KAPPA = 0.10;

    /** Final time. */
    public static final double TIME = 0.01;

    /** Blur blend weight. */
    public static final double BLUR = 0.05;

    /** Cubic coefficient of the observation. */
    public static final double CUBIC = 0.30;

    /** Sine amplitude of the observation (frequency 2). */
    public static final double SINE = 0.05;

    /** Observation noise. */
    public static final double NOISE = 0.004;

    /** Smallest grid accepted by {@link #withNodes(int)} (the prior has 4 sine modes per axis). */
    public static final int MIN_NODES = 4;

    /** Ids of the scaled grids: {@code heat-2d-<N>x<N>} (the one place that parses them). */
    private static final Pattern SCALED_ID = Pattern.compile(ID + "-(\\d{1,4})x(\\d{1,4})");

    /** Creates the family (DS component and ServiceLoader entry). */
    public Heat2dFamily() {
        this(ID, NODES);
    }

    /**
     * Creates the family on a grid.
     * @param id the id
     * @param nodes nodes per side
     */
    private Heat2dFamily(final String id, final int nodes) {
        this(id, nodes, new HeatPrior(new int[] {nodes, nodes}, 4, 0.0, new double[] {0.02, 0.10}));
    }

    /**
     * Creates the family on a grid with its prior.
     * @param id the id
     * @param nodes nodes per side
     * @param prior the prior
     */
    private Heat2dFamily(final String id, final int nodes, final HeatPrior prior) {
        super(new HeatModel(id, new int[] {nodes, nodes}, KAPPA, TIME, 4.0, 1.0, BLUR, false, CUBIC, SINE, 2.0, NOISE,
                prior), prior, NOISE);
    }

    /**
     * Returns heat-2d's physics (same constants, prior, noise, start and tolerance) on an N x N interior grid, for
     * scaling studies. The id is {@link #ID} for N = {@link #NODES} (then the family equals the registered one,
     * fingerprint included) and {@code heat-2d-<N>x<N>} otherwise, so that models of different sizes cannot be
     * mixed up. These families are not registered (neither ServiceLoader nor DS).
     * @param nodes nodes per side, at least {@link #MIN_NODES}
     * @return the family (n = m = nodes^2)
     * @throws MathIllegalArgumentException when nodes is below {@link #MIN_NODES}
     */
    public static Heat2dFamily withNodes(final int nodes) {
        if (nodes < MIN_NODES) {
            throw new MathIllegalArgumentException(DipgFormats.INVALID_SETTING, "nodes per side of " + ID, nodes,
                    "at least " + MIN_NODES);
        }
        return new Heat2dFamily(idFor(nodes), nodes);
    }

    /**
     * Returns the id of heat-2d on an N x N grid.
     * @param nodes nodes per side
     * @return {@link #ID} for {@link #NODES}, else {@code heat-2d-<N>x<N>}
     */
    public static String idFor(final int nodes) {
        return nodes == NODES ? ID : ID + "-" + nodes + "x" + nodes;
    }

    /**
     * Parses the grid of a heat-2d id: the inverse of {@link #idFor(int)}.
     * @param id an id
     * @return N for {@link #ID} ({@link #NODES}) and for {@code heat-2d-<N>x<N>} with N &gt;= {@link #MIN_NODES}
     *         and N != {@link #NODES}; empty for any other id
     */
    public static OptionalInt nodesOf(final String id) {
        if (ID.equals(id)) {
            return OptionalInt.of(NODES);
        }
        final Matcher m = SCALED_ID.matcher(id);
        if (m.matches() && m.group(1).equals(m.group(2))) {
            final int nodes = Integer.parseInt(m.group(1));
            if (nodes >= MIN_NODES && nodes != NODES) {
                return OptionalInt.of(nodes);
            }
        }
        return OptionalInt.empty();
    }
}
