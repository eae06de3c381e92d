package org.deceptron.examples.sinegordon;

import java.util.Locale;

import org.deceptron.dipg.spi.InstanceProtocol;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.random.RandomGenerator;

/**
 * The instance protocol of {@link SineGordon1dFamily}: a smooth prior of a few standing-wave modes, Gaussian noise,
 * the default tolerance and the start x = 0 (the string at rest, flat).
 * <p>
 * Prior: {@code u0(x_j) = sum_{k=1..K} a_k sin(k pi j / (nodes + 1))} with {@code a_k ~ N(0, (amplitude / k)^2)},
 * scaled down (never up) so that {@code max |u0| <= cap}: smooth initial shapes whose large excursions (up to
 * about pi/2 and beyond) are where sin(u) departs most from u.
 * </p>
 * <p>Immutable and thread safe.</p>
 */
public final class SineGordon1dProtocol implements InstanceProtocol {

    /** Interior nodes. */
    private final int nodes;

    /** Number of prior modes K. */
    private final int modes;

    /** Prior amplitude of the first mode. */
    private final double amplitude;

    /** Cap on max |u0|. */
    private final double cap;

    /** Observation noise. */
    private final double noise;

    /**
     * Creates the protocol.
     * @param nodes interior nodes (n)
     * @param modes number of prior modes K, 1 &lt;= K &lt;= nodes
     * @param amplitude standard deviation of the first mode's coefficient, &gt; 0
     * @param cap bound on max |u0| of a prior sample (at most the model's box bound), &gt; 0
     * @param noise observation noise standard deviation, &gt; 0
     * @throws MathIllegalArgumentException on an invalid setting
     */
    public SineGordon1dProtocol(final int nodes, final int modes, final double amplitude, final double cap,
                                final double noise) {
        if (modes < 1 || modes > nodes) {
            throw new MathIllegalArgumentException(LocalizedCoreFormats.OUT_OF_RANGE_SIMPLE, modes, 1, nodes);
        }
        for (final double positive : new double[] {amplitude, cap, noise}) {
            if (!(positive > 0) || Double.isInfinite(positive)) {
                throw new MathIllegalArgumentException(LocalizedCoreFormats.NUMBER_TOO_SMALL_BOUND_EXCLUDED, positive, 0);
            }
        }
        this.nodes = nodes;
        this.modes = modes;
        this.amplitude = amplitude;
        this.cap = cap;
        this.noise = noise;
    }

    /**
     * Returns the canonical text of the prior and noise (hashed into the model's fingerprint).
     * @return the text
     */
    public String describe() {
        return String.format(Locale.ROOT, "prior=sine-modes(K=%d,a=%s/k,cap=%s)|noise=%s", modes, amplitude, cap,
                noise);
    }

    /** {@inheritDoc} */
    @Override
    public double[] samplePrior(final RandomGenerator random) {
        final double[] coefficients = new double[modes];
        for (int k = 0; k < modes; k++) {
            coefficients[k] = amplitude / (k + 1) * random.nextGaussian();
        }
        final double[] u = new double[nodes];
        double max = 0;
        for (int j = 0; j < nodes; j++) {
            double s = 0;
            for (int k = 0; k < modes; k++) {
                s += coefficients[k] * Math.sin(Math.PI * (k + 1) * (j + 1) / (nodes + 1));
            }
            u[j] = s;
            max = Math.max(max, Math.abs(s));
        }
        if (max > cap) {
            final double scale = cap / max;
            for (int j = 0; j < nodes; j++) {
                u[j] *= scale;
            }
        }
        return u;
    }

    /** {@inheritDoc} */
    @Override
    public double noiseLevel() {
        return noise;
    }

    /** {@inheritDoc} */
    @Override
    public double[] defaultStart() {
        return new double[nodes];
    }
}
