package org.deceptron.trainer;

import org.hipparchus.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the placeholder arrays of a graph from rows of Java data, in the training precision, and draws the
 * shuffles and probes. Every random number comes from the generator passed in.
 */
final class Batches {

    /** Precision of the arrays. */
    private final DataType dtype;

    /**
     * Creates the helper.
     * @param dtype precision of the arrays
     */
    Batches(final DataType dtype) {
        this.dtype = dtype;
    }

    /**
     * Returns rows lo..hi of data (through perm when not null), each repeated {@code repeat} times consecutively.
     * @param data the rows
     * @param perm permutation, or null for the identity
     * @param lo first row (inclusive)
     * @param hi last row (exclusive)
     * @param repeat copies of each row
     * @return a {@code (hi - lo) repeat x d} matrix
     */
    INDArray rows(final double[][] data, final int[] perm, final int lo, final int hi, final int repeat) {
        final int d = data[0].length;
        final int k = (hi - lo) * repeat;
        final double[] flat = new double[k * d];
        int r = 0;
        for (int i = lo; i < hi; i++) {
            final double[] row = data[perm == null ? i : perm[i]];
            for (int q = 0; q < repeat; q++, r++) {
                System.arraycopy(row, 0, flat, r * d, d);
            }
        }
        return Nd4j.create(flat, new long[] {k, d}, dtype);
    }

    /**
     * Returns rows lo..hi of data through perm, each entry perturbed by {@code sigma N(0,1)} (row-major draws).
     * @param data the rows
     * @param perm the permutation
     * @param lo first row (inclusive)
     * @param hi last row (exclusive)
     * @param sigma std of the perturbation
     * @param random source of the perturbation
     * @return a {@code (hi - lo) x d} matrix
     */
    INDArray noisyRows(final double[][] data, final int[] perm, final int lo, final int hi, final double sigma,
                       final RandomGenerator random) {
        final int d = data[0].length;
        final double[] flat = new double[(hi - lo) * d];
        for (int i = lo; i < hi; i++) {
            final double[] row = data[perm[i]];
            for (int j = 0; j < d; j++) {
                flat[(i - lo) * d + j] = row[j] + sigma * random.nextGaussian();
            }
        }
        return Nd4j.create(flat, new long[] {hi - lo, d}, dtype);
    }

    /**
     * Returns rows as a matrix.
     * @param rowsData the rows (all of the same length)
     * @return the matrix
     */
    INDArray matrix(final double[][] rowsData) {
        final int d = rowsData[0].length;
        final double[] flat = new double[rowsData.length * d];
        for (int i = 0; i < rowsData.length; i++) {
            System.arraycopy(rowsData[i], 0, flat, i * d, d);
        }
        return Nd4j.create(flat, new long[] {rowsData.length, d}, dtype);
    }

    /**
     * Draws Rademacher probes (entries +-1).
     * @param count number of probes
     * @param d their length
     * @param random the source
     * @return the probes
     */
    static double[][] rademacher(final int count, final int d, final RandomGenerator random) {
        final double[][] out = new double[count][d];
        for (final double[] row : out) {
            for (int j = 0; j < d; j++) {
                row[j] = random.nextBoolean() ? 1.0 : -1.0;
            }
        }
        return out;
    }

    /**
     * Draws a uniform permutation (Fisher-Yates from the end).
     * @param size its length
     * @param random the source
     * @return the permutation of 0..size-1
     */
    static int[] permutation(final int size, final RandomGenerator random) {
        final int[] p = new int[size];
        for (int i = 0; i < size; i++) {
            p[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
