package org.deceptron.pde.numerics;

/**
 * The exact heat semigroup exp(kappa T Laplacian) with homogeneous Dirichlet conditions on the interior nodes of
 * the unit cube [0,1]^d, in the orthonormal sine basis: the field is expanded in the products of
 * {@code sqrt(2/(n_a+1)) sin(pi k_a x_a)} (a type-I discrete sine transform per axis), mode (k_1..k_d) is
 * multiplied by {@code exp(-kappa pi^2 (k_1^2 + ... + k_d^2) T)} (the continuous eigenvalue, as in the reference
 * demos), and the field is transformed back.
 * <p>
 * Shape (n_1, ..., n_d), row-major flat layout (last axis fastest); node j of axis a (0-based) sits at
 * x = (j+1)/(n_a+1). The per-axis transforms are dense n_a x n_a products (the axes here have &lt;= 64 nodes),
 * O(N sum n_a) per application. The operator is symmetric, so it is its own adjoint. Immutable, thread safe.
 * </p>
 */
public final class SineHeatSemigroup {

    /** Shape. */
    private final int[] shape;

    /** Total number of nodes. */
    private final int size;

    /** Strides per axis. */
    private final int[] strides;

    /** Orthonormal DST-I matrix per axis, row-major [j * n + k]. */
    private final double[][] basis;

    /** Decay factor per mode (flat layout). */
    private final double[] decay;

    /**
     * Creates the semigroup.
     * @param shape nodes per axis, each &gt;= 1
     * @param kappa diffusivity
     * @param time final time
     */
    public SineHeatSemigroup(final int[] shape, final double kappa, final double time) {
        this.shape = shape.clone();
        int s = 1;
        strides = new int[shape.length];
        for (int a = shape.length - 1; a >= 0; a--) {
            strides[a] = s;
            s *= shape[a];
        }
        size = s;
        basis = new double[shape.length][];
        for (int a = 0; a < shape.length; a++) {
            final int n = shape[a];
            final double norm = Math.sqrt(2.0 / (n + 1));
            basis[a] = new double[n * n];
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    basis[a][j * n + k] = norm * Math.sin(Math.PI * (j + 1) * (k + 1) / (n + 1));
                }
            }
        }
        decay = new double[size];
        for (int idx = 0; idx < size; idx++) {
            double sum = 0;
            for (int a = 0; a < shape.length; a++) {
                final int k = (idx / strides[a]) % shape[a] + 1;
                sum += (double) k * k;
            }
            decay[idx] = Math.exp(-kappa * Math.PI * Math.PI * sum * time);
        }
    }

    /**
     * Returns the number of nodes.
     * @return N
     */
    public int size() {
        return size;
    }

    /**
     * Returns the decay factor of a mode.
     * @param modes the mode numbers k_a &gt;= 1 per axis
     * @return exp(-kappa pi^2 |k|^2 T)
     */
    public double decayOf(final int... modes) {
        int idx = 0;
        for (int a = 0; a < shape.length; a++) {
            idx += (modes[a] - 1) * strides[a];
        }
        return decay[idx];
    }

    /**
     * Applies the semigroup.
     * @param in the field (not modified)
     * @param out the result (may not be {@code in})
     * @param work scratch of length {@link #size()}
     */
    public void apply(final double[] in, final double[] out, final double[] work) {
        System.arraycopy(in, 0, out, 0, size);
        for (int a = 0; a < shape.length; a++) {
            transformAxis(a, out, work);
        }
        for (int i = 0; i < size; i++) {
            out[i] *= decay[i];
        }
        for (int a = 0; a < shape.length; a++) {
            transformAxis(a, out, work);
        }
    }

    /**
     * Applies the orthonormal DST-I along one axis, in place.
     * @param a the axis
     * @param field the field
     * @param work scratch of length size
     */
    private void transformAxis(final int a, final double[] field, final double[] work) {
        final int n = shape[a];
        final int stride = strides[a];
        final int block = n * stride;
        final double[] m = basis[a];
        for (int outer = 0; outer < size; outer += block) {
            for (int inner = 0; inner < stride; inner++) {
                final int base = outer + inner;
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    final int row = j * n;
                    for (int k = 0; k < n; k++) {
                        sum += m[row + k] * field[base + k * stride];
                    }
                    work[base + j * stride] = sum;
                }
            }
        }
        System.arraycopy(work, 0, field, 0, size);
    }
}
