package org.deceptron.pde.heat;

import java.util.function.Function;

import org.deceptron.pde.Descriptions;
import org.deceptron.pde.numerics.PriorFields;
import org.hipparchus.random.RandomGenerator;

/**
 * The heat families' prior (the reference demos' generator): random sine modes {@code N(0,1)/prod k_a}
 * (k_a &lt;= modes) plus an optional extra on the first coefficient and an optional Gaussian blob, min-max
 * rescaled to [0,1]. Immutable and thread safe.
 */
final class HeatPrior implements Function<RandomGenerator, double[]> {

    /** Blob centre range (per axis). */
    private static final double[] BLOB_CENTRE = {0.3, 0.7};

    /** Blob width range (per axis). */
    private static final double[] BLOB_WIDTH = {0.10, 0.14};

    /** Grid shape. */
    private final int[] shape;

    /** Sine modes per axis. */
    private final int modes;

    /** Extra standard deviation of the first coefficient. */
    private final double firstExtra;

    /** Blob amplitude range (null: no blob). */
    private final double[] blobAmplitude;

    /**
     * Creates the prior.
     * @param shape nodes per axis
     * @param modes sine modes per axis
     * @param firstExtra extra standard deviation of the first coefficient
     * @param blobAmplitude blob amplitude range, or null for none
     */
    HeatPrior(final int[] shape, final int modes, final double firstExtra, final double[] blobAmplitude) {
        this.shape = shape.clone();
        this.modes = modes;
        this.firstExtra = firstExtra;
        this.blobAmplitude = blobAmplitude == null ? null : blobAmplitude.clone();
    }

    /**
     * Returns the canonical description hashed into the model's fingerprint.
     * @return the description
     */
    String describe() {
        return Descriptions.describe("priorModes", modes, "priorFirstExtra", firstExtra,
                "priorBlob", blobAmplitude == null ? "none" : Descriptions.describe("amp",
                        blobAmplitude, "centre", BLOB_CENTRE, "width", BLOB_WIDTH),
                "priorRescale", "minmax[0,1]");
    }

    /** {@inheritDoc} */
    @Override
    public double[] apply(final RandomGenerator random) {
        final double[] x = new double[HeatModel.size(shape)];
        PriorFields.addSineModes(shape, modes, firstExtra, random, x);
        if (blobAmplitude != null) {
            PriorFields.addBlob(shape, BLOB_CENTRE, BLOB_WIDTH, blobAmplitude, random, x);
        }
        PriorFields.minMaxRescale(x, 0.0, 1.0);
        return x;
    }
}
