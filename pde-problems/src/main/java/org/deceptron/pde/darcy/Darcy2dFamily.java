package org.deceptron.pde.darcy;

import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.pde.AbstractPdeFamily;
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
public final class Darcy2dFamily extends AbstractPdeFamily {

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

    /** Discretisation. */
    private final CellCentredDarcy darcy;

    /** Constant source array. */
    private final double[] source;

    /** Creates the family (DS component and ServiceLoader entry). */
    public Darcy2dFamily() {
        super(ID, CELLS * CELLS, CELLS * CELLS, LOWER, UPPER, 0.0, NOISE, 1.5,
                describe("cells", CELLS, "scheme", "cell-centred FV, harmonic faces, Dirichlet half-cell",
                        "source", SOURCE, "observation", "full pressure", "priorSigma", PRIOR_SIGMA,
                        "priorModes", PRIOR_MODES, "priorL2", PRIOR_L2, "priorDecay", PRIOR_DECAY));
        darcy = new CellCentredDarcy(CELLS);
        source = new double[CELLS * CELLS];
        java.util.Arrays.fill(source, SOURCE);
    }

    /**
     * Solves at a point.
     * @param theta the point
     * @return the solution
     */
    private CellCentredDarcy.Solution solve(final double[] theta) {
        return darcy.solve(theta, source);
    }

    /** {@inheritDoc} */
    @Override
    protected double[] computeValue(final double[] x) {
        return solve(x).pressure().clone();
    }

    /** {@inheritDoc} */
    @Override
    protected double[] computeJvp(final double[] x, final double[] v) {
        return solve(x).tangent(v);
    }

    /** {@inheritDoc} */
    @Override
    protected double[] computeVjp(final double[] x, final double[] w) {
        return solve(x).adjoint(w);
    }

    /** {@inheritDoc} */
    @Override
    protected double[][] computeJacobian(final double[] x) {
        final CellCentredDarcy.Solution s = solve(x);
        final int n = parameterSize();
        final double[][] jac = new double[n][n];
        final double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            s.tangentColumn(j, col);
            for (int i = 0; i < n; i++) {
                jac[i][j] = col[i];
            }
        }
        return jac;
    }

    /** {@inheritDoc} */
    @Override
    public double[] samplePrior(final RandomGenerator random) {
        final double[] x = new double[parameterSize()];
        PriorFields.addSmoothField(CELLS, PRIOR_MODES, PRIOR_SIGMA, PRIOR_L2, PRIOR_DECAY, random, x);
        PriorFields.clip(x, LOWER, UPPER);
        return x;
    }
}
