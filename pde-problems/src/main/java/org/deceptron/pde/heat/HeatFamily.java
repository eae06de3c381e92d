package org.deceptron.pde.heat;

import org.deceptron.pde.AbstractPdeFamily;
import org.deceptron.pde.numerics.CubicSineMap;
import org.deceptron.pde.numerics.NeighbourBlur;
import org.deceptron.pde.numerics.PriorFields;
import org.deceptron.pde.numerics.SineHeatSemigroup;
import org.hipparchus.random.RandomGenerator;

/**
 * The d-dimensional nonlinear heat family shared by heat-1d, heat-2d and heat-3d (the reference demos'
 * generator): unknown x = initial temperature on the interior nodes of [0,1]^d (box [0,1]),
 * {@code F(x) = phi(B S x)} with S the exact sine-spectral heat semigroup ({@link SineHeatSemigroup}), B a
 * nearest-neighbour blur ({@link NeighbourBlur}) and {@code phi(z) = z + a z^3 + b sin(c z)} pointwise; full-field
 * observation (m = n). Prior: random sine modes {@code N(0,1)/prod k_a} (k_a &lt;= modes) plus an optional extra
 * on the first coefficient and an optional Gaussian blob, min-max rescaled to [0,1]. Start: x = 0 (the reference
 * demos' x0).
 * <p>
 * Derivatives: with L = B S precomputed as a dense n x n matrix, {@code J = diag(phi'(L x)) L},
 * {@code J v = phi'(z) .* L v}, {@code J^T w = S B^T (phi'(z) .* w)}; all exact.
 * </p>
 */
public abstract class HeatFamily extends AbstractPdeFamily {

    /** Tolerance on the normalised residual RMS (1.5 x the noise floor 1.0). */
    static final double TOLERANCE = 1.5;

    /** Shape. */
    private final int[] shape;

    /** Heat semigroup. */
    private final SineHeatSemigroup semigroup;

    /** Blur. */
    private final NeighbourBlur blur;

    /** Observation nonlinearity. */
    private final CubicSineMap phi;

    /** Prior: sine modes per axis. */
    private final int priorModes;

    /** Prior: extra standard deviation of the first coefficient. */
    private final double priorFirstExtra;

    /** Prior: blob amplitude range (null: no blob). */
    private final double[] blobAmplitude;

    /** Dense L = B S, row-major. */
    private final double[][] linear;

    /**
     * Creates a heat family.
     * @param id the id
     * @param shape nodes per axis
     * @param kappa diffusivity
     * @param time final time
     * @param blurCentre blur centre weight
     * @param blurNeighbour blur face-neighbour weight
     * @param blurBlend blur blend beta
     * @param rowNormalised blur rows normalised (else unit-sum zero-padded kernel)
     * @param cubic phi cubic coefficient a
     * @param sine phi sine amplitude b
     * @param frequency phi sine frequency c
     * @param noise observation noise
     * @param priorModes prior sine modes per axis
     * @param priorFirstExtra prior extra on the first coefficient
     * @param blobAmplitude prior blob amplitude range, or null for none
     */
    HeatFamily(final String id, final int[] shape, final double kappa, final double time, final double blurCentre,
               final double blurNeighbour, final double blurBlend, final boolean rowNormalised, final double cubic,
               final double sine, final double frequency, final double noise, final int priorModes,
               final double priorFirstExtra, final double[] blobAmplitude) {
        super(id, size(shape), size(shape), 0.0, 1.0, 0.0, noise, TOLERANCE,
                describe("shape", shape, "kappa", kappa, "T", time, "blurCentre", blurCentre,
                        "blurNeighbour", blurNeighbour, "blurBlend", blurBlend, "blurRowNormalised", rowNormalised,
                        "phi", "z+a*z^3+b*sin(c*z)", "a", cubic, "b", sine, "c", frequency,
                        "priorModes", priorModes, "priorFirstExtra", priorFirstExtra,
                        "priorBlob", blobAmplitude == null ? "none" : describe("amp", blobAmplitude,
                                "centre", BLOB_CENTRE, "width", BLOB_WIDTH),
                        "priorRescale", "minmax[0,1]"));
        this.shape = shape.clone();
        this.semigroup = new SineHeatSemigroup(shape, kappa, time);
        this.blur = new NeighbourBlur(shape, blurCentre, blurNeighbour, blurBlend, rowNormalised);
        this.phi = new CubicSineMap(cubic, sine, frequency);
        this.priorModes = priorModes;
        this.priorFirstExtra = priorFirstExtra;
        this.blobAmplitude = blobAmplitude == null ? null : blobAmplitude.clone();
        final int n = size(shape);
        linear = new double[n][n];
        final double[] e = new double[n];
        final double[] col = new double[n];
        final double[] u = new double[n];
        final double[] work = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1.0;
            semigroup.apply(e, u, work);
            blur.apply(u, col);
            e[j] = 0.0;
            for (int i = 0; i < n; i++) {
                linear[i][j] = col[i];
            }
        }
    }

    /** Prior blob centre range (per axis). */
    private static final double[] BLOB_CENTRE = {0.3, 0.7};

    /** Prior blob width range (per axis). */
    private static final double[] BLOB_WIDTH = {0.10, 0.14};

    /**
     * Product of the shape.
     * @param shape the shape
     * @return the number of nodes
     */
    private static int size(final int[] shape) {
        int s = 1;
        for (final int k : shape) {
            s *= k;
        }
        return s;
    }

    /**
     * Returns the grid shape.
     * @return nodes per axis
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * Computes z = B S x.
     * @param x the field
     * @return z
     */
    private double[] linearPart(final double[] x) {
        final double[] u = new double[x.length];
        final double[] z = new double[x.length];
        semigroup.apply(x, u, z);
        blur.apply(u, z);
        return z;
    }

    /** {@inheritDoc} */
    @Override
    protected double[] computeValue(final double[] x) {
        final double[] z = linearPart(x);
        phi.apply(z, z, null);
        return z;
    }

    /** {@inheritDoc} */
    @Override
    protected double[] computeJvp(final double[] x, final double[] v) {
        final double[] z = linearPart(x);
        final double[] dz = linearPart(v);
        for (int i = 0; i < z.length; i++) {
            dz[i] *= phi.derivative(z[i]);
        }
        return dz;
    }

    /** {@inheritDoc} */
    @Override
    protected double[] computeVjp(final double[] x, final double[] w) {
        final double[] z = linearPart(x);
        final int n = z.length;
        final double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = phi.derivative(z[i]) * w[i];
        }
        final double[] bt = new double[n];
        blur.applyTranspose(g, bt, z);
        final double[] out = new double[n];
        semigroup.apply(bt, out, g);
        return out;
    }

    /** {@inheritDoc} */
    @Override
    protected double[][] computeJacobian(final double[] x) {
        final double[] z = linearPart(x);
        final int n = z.length;
        final double[][] jac = new double[n][];
        for (int i = 0; i < n; i++) {
            final double d = phi.derivative(z[i]);
            final double[] row = linear[i].clone();
            for (int j = 0; j < n; j++) {
                row[j] *= d;
            }
            jac[i] = row;
        }
        return jac;
    }

    /** {@inheritDoc} */
    @Override
    public double[] samplePrior(final RandomGenerator random) {
        final double[] x = new double[parameterSize()];
        PriorFields.addSineModes(shape, priorModes, priorFirstExtra, random, x);
        if (blobAmplitude != null) {
            PriorFields.addBlob(shape, BLOB_CENTRE, BLOB_WIDTH, blobAmplitude, random, x);
        }
        PriorFields.minMaxRescale(x, 0.0, 1.0);
        return x;
    }
}
