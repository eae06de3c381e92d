package org.deceptron.pde.numerics;

import org.hipparchus.random.RandomGenerator;

/**
 * Building blocks of the families' prior samplers: sine-mode fields, Gaussian blobs, smooth periodic random
 * fields and rescaling. All fields use the row-major flat layout of the grids in this package.
 */
public final class PriorFields {

    /** Utility class. */
    private PriorFields() {
    }

    /**
     * Adds a random sine-mode field on the interior nodes of [0,1]^d (node j of axis a at (j+1)/(n_a+1)):
     * {@code sum_k c_k prod_a b_{k_a}(x_a)} over k_a = 1..modes, with the orthonormal discrete sine vectors b and
     * {@code c_k = N(0,1) / prod_a k_a}, plus {@code firstExtra N(0,1)} on the (1,..,1) coefficient
     * (the Heat-1D/3D reference generators).
     * @param shape nodes per axis
     * @param modes modes per axis
     * @param firstExtra extra standard deviation of the first coefficient
     * @param random random source
     * @param field output, accumulated
     */
    public static void addSineModes(final int[] shape, final int modes, final double firstExtra,
                                    final RandomGenerator random, final double[] field) {
        final int d = shape.length;
        int count = 1;
        for (int a = 0; a < d; a++) {
            count *= modes;
        }
        final int[] k = new int[d];
        for (int c = 0; c < count; c++) {
            int rest = c;
            double scale = 1.0;
            for (int a = d - 1; a >= 0; a--) {
                k[a] = rest % modes + 1;
                rest /= modes;
                scale /= k[a];
            }
            double coefficient = random.nextGaussian() * scale;
            if (c == 0) {
                coefficient += firstExtra * random.nextGaussian();
            }
            addProductMode(shape, k, coefficient, field);
        }
    }

    /**
     * Adds {@code coefficient prod_a sqrt(2/(n_a+1)) sin(pi k_a (j_a+1)/(n_a+1))}.
     * @param shape nodes per axis
     * @param k mode numbers
     * @param coefficient amplitude
     * @param field output, accumulated
     */
    private static void addProductMode(final int[] shape, final int[] k, final double coefficient,
                                       final double[] field) {
        final int d = shape.length;
        for (int i = 0; i < field.length; i++) {
            int rest = i;
            double value = coefficient;
            for (int a = d - 1; a >= 0; a--) {
                final int j = rest % shape[a];
                rest /= shape[a];
                final int n = shape[a];
                value *= Math.sqrt(2.0 / (n + 1)) * Math.sin(Math.PI * k[a] * (j + 1) / (n + 1));
            }
            field[i] += value;
        }
    }

    /**
     * Adds an axis-aligned Gaussian blob {@code amp exp(-sum_a (x_a - c_a)^2 / (2 s_a^2))} on the interior nodes
     * of [0,1]^d, with centres U[cLow, cHigh], widths U[sLow, sHigh] per axis and amplitude U[aLow, aHigh]
     * (the Heat-3D reference blob).
     * @param shape nodes per axis
     * @param centre centre range {low, high}
     * @param width width range {low, high}
     * @param amplitude amplitude range {low, high}
     * @param random random source
     * @param field output, accumulated
     */
    public static void addBlob(final int[] shape, final double[] centre, final double[] width,
                               final double[] amplitude, final RandomGenerator random, final double[] field) {
        final int d = shape.length;
        final double[] c = new double[d];
        final double[] s = new double[d];
        for (int a = 0; a < d; a++) {
            c[a] = uniform(random, centre);
        }
        for (int a = 0; a < d; a++) {
            s[a] = uniform(random, width);
        }
        final double amp = uniform(random, amplitude);
        for (int i = 0; i < field.length; i++) {
            int rest = i;
            double e = 0;
            for (int a = d - 1; a >= 0; a--) {
                final int j = rest % shape[a];
                rest /= shape[a];
                final double x = (j + 1.0) / (shape[a] + 1.0);
                e += (x - c[a]) * (x - c[a]) / (2 * s[a] * s[a]);
            }
            field[i] += amp * Math.exp(-e);
        }
    }

    /**
     * Draws U[low, high].
     * @param random random source
     * @param range {low, high}
     * @return the draw
     */
    public static double uniform(final RandomGenerator random, final double[] range) {
        return range[0] + (range[1] - range[0]) * random.nextDouble();
    }

    /**
     * Min-max rescales a field to [low, high] in place, as the reference generators do
     * ({@code (x - min) / (max - min + 1e-8)}).
     * @param field the field
     * @param low lower value
     * @param high upper value
     */
    public static void minMaxRescale(final double[] field, final double low, final double high) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (final double v : field) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        final double scale = (high - low) / (max - min + 1.0e-8);
        for (int i = 0; i < field.length; i++) {
            field[i] = low + scale * (field[i] - min);
        }
    }

    /**
     * Clips a field to [low, high] in place.
     * @param field the field
     * @param low lower bound
     * @param high upper bound
     */
    public static void clip(final double[] field, final double low, final double high) {
        for (int i = 0; i < field.length; i++) {
            field[i] = Math.max(low, Math.min(high, field[i]));
        }
    }

    /**
     * Adds a periodic Gaussian blob {@code amp exp(-d^2 / (2 s^2))} (d the periodic distance) on an n x n
     * periodic grid of side L.
     * @param n points per side
     * @param length side length
     * @param cx centre x
     * @param cy centre y
     * @param width s
     * @param amp amplitude
     * @param field output, accumulated
     */
    public static void addPeriodicBlob(final int n, final double length, final double cx, final double cy,
                                       final double width, final double amp, final double[] field) {
        final double h = length / n;
        for (int iy = 0; iy < n; iy++) {
            final double dy = periodicDistance(iy * h - cy, length);
            for (int ix = 0; ix < n; ix++) {
                final double dx = periodicDistance(ix * h - cx, length);
                field[iy * n + ix] += amp * Math.exp(-(dx * dx + dy * dy) / (2 * width * width));
            }
        }
    }

    /**
     * Folds a coordinate difference to [-L/2, L/2).
     * @param d the difference
     * @param length the period
     * @return the folded difference
     */
    public static double periodicDistance(final double d, final double length) {
        return d - length * Math.floor(d / length + 0.5);
    }

    /**
     * Adds a smooth random field {@code sum c_pq cos(pi p x) cos(pi q y)}-type expansion on the cell centres of an
     * n x n grid of the unit square: for 0 &lt;= p, q &lt;= modes, cosine and sine products of frequency
     * {@code pi p}, {@code pi q} with coefficients {@code N(0,1) sigma / (1 + (p^2 + q^2) / l2)^decay}.
     * @param n cells per side
     * @param modes highest mode number
     * @param sigma amplitude
     * @param l2 squared correlation mode number
     * @param decay spectral decay exponent
     * @param random random source
     * @param field output, accumulated
     */
    public static void addSmoothField(final int n, final int modes, final double sigma, final double l2,
                                      final double decay, final RandomGenerator random, final double[] field) {
        for (int p = 0; p <= modes; p++) {
            for (int q = 0; q <= modes; q++) {
                final double scale = sigma / Math.pow(1.0 + (p * p + q * q) / l2, decay);
                final double a = random.nextGaussian() * scale;
                final double b = random.nextGaussian() * scale;
                for (int iy = 0; iy < n; iy++) {
                    final double y = (iy + 0.5) / n;
                    for (int ix = 0; ix < n; ix++) {
                        final double x = (ix + 0.5) / n;
                        field[iy * n + ix] += a * Math.cos(Math.PI * p * x) * Math.cos(Math.PI * q * y)
                                + b * Math.sin(Math.PI * (p + 0.5) * x) * Math.sin(Math.PI * (q + 0.5) * y);
                    }
                }
            }
        }
    }
}
