package org.deceptron.pde.heat;

import org.deceptron.pde.AbstractPdeModel;
import org.deceptron.pde.Descriptions;
import org.deceptron.pde.PdeLinearization;
import org.deceptron.pde.numerics.CubicSineMap;
import org.deceptron.pde.numerics.NeighbourBlur;
import org.deceptron.pde.numerics.SineHeatSemigroup;

/**
 * The d-dimensional nonlinear heat model shared by heat-1d, heat-2d and heat-3d (the reference demos'
 * generator): unknown x = initial temperature on the interior nodes of [0,1]^d (box [0,1]),
 * {@code F(x) = phi(B S x)} with S the exact sine-spectral heat semigroup ({@link SineHeatSemigroup}), B a
 * nearest-neighbour blur ({@link NeighbourBlur}) and {@code phi(z) = z + a z^3 + b sin(c z)} pointwise; full-field
 * observation (m = n). The prior is {@link HeatPrior}.
 * <p>
 * Derivatives: with L = B S precomputed as a dense n x n matrix, {@code J = diag(phi'(L x)) L},
 * {@code J v = phi'(z) .* L v}, {@code J^T w = S B^T (phi'(z) .* w)}; all exact. A linearization keeps
 * {@code phi'(z)} at its point, so each product is one semigroup and one blur application.
 * </p>
 */
public final class HeatModel extends AbstractPdeModel {

    /** Shape. */
    private final int[] shape;

    /** Heat semigroup. */
    private final SineHeatSemigroup semigroup;

    /** Blur. */
    private final NeighbourBlur blur;

    /** Observation nonlinearity. */
    private final CubicSineMap phi;

    /** Dense L = B S, row-major. */
    private final double[][] linear;

    /**
     * Creates a heat model.
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
     * @param noise observation noise of the training data (fingerprint)
     * @param prior the prior (its description is part of the fingerprint)
     */
    HeatModel(final String id, final int[] shape, final double kappa, final double time, final double blurCentre,
              final double blurNeighbour, final double blurBlend, final boolean rowNormalised, final double cubic,
              final double sine, final double frequency, final double noise, final HeatPrior prior) {
        super(id, size(shape), size(shape), 0.0, 1.0, noise,
                Descriptions.describe("shape", shape, "kappa", kappa, "T", time, "blurCentre", blurCentre,
                        "blurNeighbour", blurNeighbour, "blurBlend", blurBlend, "blurRowNormalised", rowNormalised,
                        "phi", "z+a*z^3+b*sin(c*z)", "a", cubic, "b", sine, "c", frequency)
                        + ";" + prior.describe());
        this.shape = shape.clone();
        this.semigroup = new SineHeatSemigroup(shape, kappa, time);
        this.blur = new NeighbourBlur(shape, blurCentre, blurNeighbour, blurBlend, rowNormalised);
        this.phi = new CubicSineMap(cubic, sine, frequency);
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

    /**
     * Product of the shape.
     * @param shape the shape
     * @return the number of nodes
     */
    static int size(final int[] shape) {
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
    protected PdeLinearization computeLinearization(final double[] x) {
        final double[] slope = linearPart(x);
        for (int i = 0; i < slope.length; i++) {
            slope[i] = phi.derivative(slope[i]);
        }
        return new PdeLinearization(this) {
            @Override
            protected double[] tangent(final double[] v) {
                final double[] dz = linearPart(v);
                for (int i = 0; i < dz.length; i++) {
                    dz[i] *= slope[i];
                }
                return dz;
            }

            @Override
            protected double[] adjoint(final double[] w) {
                final int n = slope.length;
                final double[] g = new double[n];
                for (int i = 0; i < n; i++) {
                    g[i] = slope[i] * w[i];
                }
                final double[] bt = new double[n];
                final double[] work = new double[n];
                blur.applyTranspose(g, bt, work);
                final double[] out = new double[n];
                semigroup.apply(bt, out, g);
                return out;
            }

            @Override
            protected double[][] computeJacobian() {
                final int n = slope.length;
                final double[][] jac = new double[n][];
                for (int i = 0; i < n; i++) {
                    final double d = slope[i];
                    final double[] row = linear[i].clone();
                    for (int j = 0; j < n; j++) {
                        row[j] *= d;
                    }
                    jac[i] = row;
                }
                return jac;
            }
        };
    }
}
