package org.deceptron.pde.numerics;

/**
 * Cholesky factorisation A = L L^T of a symmetric positive definite band matrix (half bandwidth p: A_ij = 0 for
 * |i - j| &gt; p), in O(N p^2) time and O(N p) storage, with O(N p) solves. Not thread safe while being filled;
 * a factor is read-only after {@link #factor()} and may then be shared.
 */
public final class BandedCholesky {

    /** Order N. */
    private final int n;

    /** Half bandwidth p. */
    private final int p;

    /** Lower band, entry (i, j), i - p &lt;= j &lt;= i, at [i * (p + 1) + j - i + p]. */
    private final double[] band;

    /** True once factored. */
    private boolean factored;

    /**
     * Creates a zero matrix.
     * @param n order
     * @param p half bandwidth
     */
    public BandedCholesky(final int n, final int p) {
        this.n = n;
        this.p = p;
        this.band = new double[n * (p + 1)];
    }

    /**
     * Adds to the entry (i, j) of the lower triangle (j &lt;= i, i - j &lt;= p) before factoring.
     * @param i row
     * @param j column, j &lt;= i
     * @param value the increment
     */
    public void add(final int i, final int j, final double value) {
        if (j > i || i - j > p || factored) {
            throw new IllegalArgumentException("entry (" + i + ", " + j + ") outside the lower band " + p);
        }
        band[i * (p + 1) + j - i + p] += value;
    }

    /**
     * Factors in place.
     * @throws IllegalStateException if the matrix is not positive definite
     */
    public void factor() {
        final int w = p + 1;
        for (int i = 0; i < n; i++) {
            final int j0 = Math.max(0, i - p);
            for (int j = j0; j <= i; j++) {
                double s = band[i * w + j - i + p];
                final int k0 = Math.max(j0, j - p);
                for (int k = k0; k < j; k++) {
                    s -= band[i * w + k - i + p] * band[j * w + k - j + p];
                }
                if (j == i) {
                    if (!(s > 0)) {
                        throw new IllegalStateException("matrix not positive definite at pivot " + i + ": " + s);
                    }
                    band[i * w + p] = Math.sqrt(s);
                } else {
                    band[i * w + j - i + p] = s / band[j * w + p];
                }
            }
        }
        factored = true;
    }

    /**
     * Solves A x = b in place.
     * @param b the right-hand side, overwritten by x
     */
    public void solve(final double[] b) {
        if (!factored) {
            throw new IllegalStateException("not factored");
        }
        final int w = p + 1;
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = Math.max(0, i - p); k < i; k++) {
                s -= band[i * w + k - i + p] * b[k];
            }
            b[i] = s / band[i * w + p];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k <= Math.min(n - 1, i + p); k++) {
                s -= band[k * w + i - k + p] * b[k];
            }
            b[i] = s / band[i * w + p];
        }
    }
}
