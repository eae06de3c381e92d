package org.deceptron.pde.numerics;

/**
 * The pointwise observation nonlinearity {@code phi(z) = z + a z^3 + b sin(c z)} of the reference heat demos,
 * with its derivative {@code 1 + 3 a z^2 + b c cos(c z)}. Strictly increasing when {@code |b c| < 1} and
 * {@code a >= 0}. Immutable.
 */
public final class CubicSineMap {

    /** Cubic coefficient a. */
    private final double cubic;

    /** Sine amplitude b. */
    private final double sine;

    /** Sine frequency c. */
    private final double frequency;

    /**
     * Creates the map.
     * @param cubic a
     * @param sine b
     * @param frequency c
     */
    public CubicSineMap(final double cubic, final double sine, final double frequency) {
        this.cubic = cubic;
        this.sine = sine;
        this.frequency = frequency;
    }

    /**
     * Evaluates phi.
     * @param z the argument
     * @return phi(z)
     */
    public double value(final double z) {
        return z + cubic * z * z * z + sine * Math.sin(frequency * z);
    }

    /**
     * Evaluates phi'.
     * @param z the argument
     * @return phi'(z)
     */
    public double derivative(final double z) {
        return 1.0 + 3.0 * cubic * z * z + sine * frequency * Math.cos(frequency * z);
    }

    /**
     * Applies phi and phi' to a whole field.
     * @param z the field (not modified)
     * @param value phi(z) (output, may be null)
     * @param derivative phi'(z) (output, may be null)
     */
    public void apply(final double[] z, final double[] value, final double[] derivative) {
        for (int i = 0; i < z.length; i++) {
            if (value != null) {
                value[i] = value(z[i]);
            }
            if (derivative != null) {
                derivative[i] = derivative(z[i]);
            }
        }
    }
}
