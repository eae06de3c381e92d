package org.deceptron.pde.numerics;

/**
 * A nearest-neighbour observation blur on a d-dimensional node grid with zero padding:
 * {@code B = (1 - beta) I + beta K}, {@code (K u)_i = (c u_i + w sum_{j face neighbour of i} u_j) / D_i}, where
 * {@code D_i = c + 2 d w} (the kernel normalised to unit sum, zero padded: the Heat-3D reference's
 * {@code conv3d} with padding 1) or, with row normalisation, {@code D_i = c + w * (number of neighbours of i
 * inside the grid)} (the Heat-1D reference's tridiagonal mixing matrix with rows normalised to sum to 1).
 * <p>
 * Shape and layout as in {@link SineHeatSemigroup}. Immutable and thread safe.
 * </p>
 */
public final class NeighbourBlur {

    /** Shape. */
    private final int[] shape;

    /** Strides. */
    private final int[] strides;

    /** Total size. */
    private final int size;

    /** Centre weight c. */
    private final double centre;

    /** Neighbour weight w. */
    private final double neighbour;

    /** Blend beta. */
    private final double blend;

    /** Inverse normaliser 1/D_i per node. */
    private final double[] inverseNorm;

    /**
     * Creates the blur.
     * @param shape nodes per axis
     * @param centre centre weight c
     * @param neighbour face-neighbour weight w
     * @param blend beta in [0,1]
     * @param rowNormalised true to normalise each row by its own sum, false for a unit-sum zero-padded kernel
     */
    public NeighbourBlur(final int[] shape, final double centre, final double neighbour, final double blend,
                         final boolean rowNormalised) {
        this.shape = shape.clone();
        this.centre = centre;
        this.neighbour = neighbour;
        this.blend = blend;
        strides = new int[shape.length];
        int s = 1;
        for (int a = shape.length - 1; a >= 0; a--) {
            strides[a] = s;
            s *= shape[a];
        }
        size = s;
        inverseNorm = new double[size];
        for (int i = 0; i < size; i++) {
            int count = 0;
            for (int a = 0; a < shape.length; a++) {
                final int c = (i / strides[a]) % shape[a];
                count += (c > 0 ? 1 : 0) + (c < shape[a] - 1 ? 1 : 0);
            }
            final double d = rowNormalised ? centre + neighbour * count : centre + neighbour * 2 * shape.length;
            inverseNorm[i] = 1.0 / d;
        }
    }

    /**
     * Applies B.
     * @param in the field (not modified)
     * @param out the result (not {@code in})
     */
    public void apply(final double[] in, final double[] out) {
        for (int i = 0; i < size; i++) {
            final double k = (centre * in[i] + neighbour * neighbourSum(in, i)) * inverseNorm[i];
            out[i] = (1.0 - blend) * in[i] + blend * k;
        }
    }

    /**
     * Applies B^T.
     * @param in the co-field (not modified)
     * @param out the result (not {@code in})
     * @param work scratch of length size
     */
    public void applyTranspose(final double[] in, final double[] out, final double[] work) {
        for (int i = 0; i < size; i++) {
            work[i] = in[i] * inverseNorm[i];
        }
        for (int i = 0; i < size; i++) {
            out[i] = (1.0 - blend) * in[i] + blend * (centre * work[i] + neighbour * neighbourSum(work, i));
        }
    }

    /**
     * Sums the face neighbours of node i that lie inside the grid.
     * @param f the field
     * @param i the node
     * @return the sum
     */
    private double neighbourSum(final double[] f, final int i) {
        double sum = 0;
        for (int a = 0; a < shape.length; a++) {
            final int st = strides[a];
            final int c = (i / st) % shape[a];
            if (c > 0) {
                sum += f[i - st];
            }
            if (c < shape[a] - 1) {
                sum += f[i + st];
            }
        }
        return sum;
    }
}
