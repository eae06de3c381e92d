package org.deceptron.pde.darcy;

import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.pde.Descriptions;
import org.deceptron.pde.PdeFamily;
import org.deceptron.pde.PdeProtocol;
import org.deceptron.pde.numerics.CellCentredDarcy;
import org.deceptron.pde.numerics.PriorFields;
import org.hipparchus.random.RandomGenerator;
import org.osgi.service.component.annotations.Component;

/**
 * darcy-2d: recover the log-permeability of a steady Darcy flow from noisy pressures.
 * <ul>
 * <li>Unknown: theta = log k on 16 x 16 cells of the unit square, box [{@link #LOWER}, {@link #UPPER}] =
 * [-3, 3]; n = 256.</li>
 * <li>Map: {@code -div(exp(theta) grad u) = 1}, u = 0 on the boundary, cell-centred finite volumes with harmonic
 * face means ({@link CellCentredDarcy}); observation: the full cell pressure field u, m = 256.</li>
 * <li>Noise: {@link #NOISE} = 2e-4, about 0.3% of the peak pressure 0.074 of theta = 0.</li>
 * <li>Prior: a smooth random field, {@code sum_{p,q<=4} N(0,1) sigma / (1 + (p^2+q^2)/l2)^decay} times cosine and
 * sine products of frequencies pi p, pi q, with {@link #PRIOR_SIGMA} = 0.5, l2 = 2, decay = 1.5 (pointwise standard
 * deviation 0.70, so k spans about two decades), clipped to the box (measured: 0.02% of the cells). Smooth fields keep the ill-conditioned problem
 * solvable by LM: rough log-permeability components barely change the pressure, and the residual tolerance
 * does not require resolving them.</li>
 * <li>Start theta = 0 (k = 1, box midpoint). Tolerance 1.5.</li>
 * </ul>
 * Derivatives: exact derivatives of the discrete system; the Jacobian by one solve with the factored SPD matrix
 * per column, the adjoint by one solve.
 */
@Component(service = ForwardFamily.class, property = "family.id=darcy-2d")
public final class Darcy2dFamily extends PdeFamily<Darcy2dModel> {

    /** Family id. */
    public static final String ID = "darcy-2d";

    /** Cells per side. */
    public static final int CELLS = 16;

    /** Lower bound of theta. */
    public static final double LOWER = -3.0;

    /** Upper bound of theta. */
    public static final double UPPER = 3.0;

    /** Observation noise. */
    public static final double NOISE = 2.0e-4;

    /** Prior amplitude. */
    public static final double PRIOR_SIGMA = 0.5;

    /** Prior highest mode number. */
    private static final int PRIOR_MODES = 4;

    /** Prior squared correlation mode number. */
    private static final double PRIOR_L2 = 2.0;

    /** Prior spectral decay exponent. */
    private static final double PRIOR_DECAY = 1.5;

    /** Source term. */
    public static final double SOURCE = 1.0;

    /** Creates the family (DS component and ServiceLoader entry). */
    public Darcy2dFamily() {
        super(new Darcy2dModel(ID, CELLS, LOWER, UPPER, SOURCE, NOISE,
                        Descriptions.describe("cells", CELLS,
                                "scheme", "cell-centred FV, harmonic faces, Dirichlet half-cell", "source", SOURCE, "observation", "full pressure", "priorSigma", PRIOR_SIGMA,
                                "priorModes", PRIOR_MODES, "priorL2", PRIOR_L2, "priorDecay", PRIOR_DECAY)),
                new PdeProtocol(CELLS * CELLS, NOISE, 0.0, Darcy2dFamily::samplePrior));
    }

    /**
     * Draws a log-permeability field from the prior.
     * @param random the random source
     * @return a new field of length n, inside the box
     */
    private static double[] samplePrior(final RandomGenerator random) {
        final double[] x = new double[CELLS * CELLS];
        PriorFields.addSmoothField(CELLS, PRIOR_MODES, PRIOR_SIGMA, PRIOR_L2, PRIOR_DECAY, random, x);
        PriorFields.clip(x, LOWER, UPPER);
        return x;
    }
}
