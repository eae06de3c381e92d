package org.deceptron.trainer;

import java.util.stream.IntStream;

import org.deceptron.dipg.spi.ForwardFamily;

/**
 * Normalised exact forward tangents {@code J_F(x) (s_x .* xi) / s_y} from the family, the JCP target and the exact
 * RJCP of {@link JcpTarget#EXACT}. The only place where the trainer asks a family for a tangent.
 */
final class ExactTangents {

    /** The family. */
    private final ForwardFamily family;
    /** Std of x per component. */
    private final double[] xStd;
    /** Std of y per component. */
    private final double[] yStd;

    /**
     * Creates the tangents of a family on normalised data.
     * @param family the family
     * @param data the data (its normalisation)
     */
    ExactTangents(final ForwardFamily family, final TrainingData data) {
        this.family = family;
        this.xStd = data.xStd;
        this.yStd = data.yStd;
    }

    /**
     * Computes the tangents at rows lo..lo+k of raw x, each repeated for the probes (probe-major within a sample,
     * matching {@link Batches#rows} with repeat), in parallel.
     * @param xRaw raw unknowns
     * @param perm permutation of the rows, or null for the identity
     * @param lo first row
     * @param k number of rows
     * @param probes {@code k * repeat} normalised probes
     * @return one normalised tangent per probe
     */
    double[][] at(final double[][] xRaw, final int[] perm, final int lo, final int k, final double[][] probes) {
        final int reps = probes.length / k;
        final double[][] out = new double[probes.length][];
        final int n = xStd.length;
        IntStream.range(0, probes.length).parallel().forEach(r -> {
            final int i = r / reps;
            final double[] x = xRaw[perm == null ? lo + i : perm[lo + i]];
            final double[] v = new double[n];
            for (int j = 0; j < n; j++) {
                v[j] = probes[r][j] * xStd[j];
            }
            final double[] jv = family.model().jvp(x, v);
            for (int j = 0; j < jv.length; j++) {
                jv[j] /= yStd[j];
            }
            out[r] = jv;
        });
        return out;
    }
}
