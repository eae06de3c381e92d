package org.deceptron.dipg.nn;

import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Element-wise leaky rectifier {@code y = x} for {@code x > 0}, {@code y = slope * x} otherwise.
 * <p>
 * The tangent is multiplied by the slope mask: {@code dy = dx} where {@code x > 0} and {@code dy = slope * dx}
 * where {@code x <= 0}; in particular the derivative at exactly {@code x = 0} is taken as {@code slope} (the same
 * convention as the forward branch). Accepts any input size and preserves it (the sizes of {@link Layer}).
 * </p>
 */
public final class LeakyRelu extends Layer {

    /** Slope for non-positive inputs. */
    private final double slope;

    /**
     * Creates a leaky rectifier.
     * @param slope the slope for non-positive inputs (finite; 0 gives a plain ReLU)
     * @throws MathIllegalArgumentException when the slope is not finite ({@link DipgFormats#NN_INVALID_PARAMETER})
     */
    public LeakyRelu(final double slope) {
        if (!Double.isFinite(slope)) {
            throw new MathIllegalArgumentException(DipgFormats.NN_INVALID_PARAMETER, "LeakyRelu slope", "finite",
                                                   Double.toString(slope));
        }
        this.slope = slope;
    }

    /**
     * Returns the slope for non-positive inputs.
     * @return the slope
     */
    public double slope() {
        return slope;
    }

    /** {@inheritDoc} */
    @Override
    LayerEvaluator newEvaluator(final int inputSize) {
        return new ElementwiseEvaluator(outputSize(inputSize), this::values, this::tangents);
    }

    /**
     * The value loop: {@code y = x} for {@code x > 0}, {@code y = slope * x} otherwise.
     * @param n the number of elements
     * @param x the input
     * @param y the output
     */
    private void values(final int n, final double[] x, final double[] y) {
        for (int i = 0; i < n; i++) {
            final double v = x[i];
            y[i] = v > 0 ? v : slope * v;
        }
    }

    /**
     * The value and tangent loop: the tangent is multiplied by the slope mask.
     * @param n the number of elements
     * @param x the input
     * @param tx the input tangent
     * @param y the output
     * @param ty the output tangent
     */
    private void tangents(final int n, final double[] x, final double[] tx, final double[] y, final double[] ty) {
        for (int i = 0; i < n; i++) {
            final double v = x[i];
            if (v > 0) {
                y[i] = v;
                ty[i] = tx[i];
            } else {
                y[i] = slope * v;
                ty[i] = slope * tx[i];
            }
        }
    }

    /**
     * Returns a short description, e.g. {@code LeakyRelu(0.01)}.
     * @return the description
     */
    @Override
    public String toString() {
        return "LeakyRelu(" + slope + ")";
    }
}
