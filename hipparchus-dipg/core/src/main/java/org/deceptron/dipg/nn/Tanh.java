package org.deceptron.dipg.nn;

/**
 * Element-wise hyperbolic tangent {@code y = tanh(x)}, with tangent {@code dy = (1 - y^2) dx}. Accepts any input
 * size and preserves it (the sizes of {@link Layer}).
 */
public final class Tanh extends Layer {

    /** Creates the (parameter-free) layer. */
    public Tanh() {
        // nothing to configure
    }

    /** {@inheritDoc} */
    @Override
    LayerEvaluator newEvaluator(final int inputSize) {
        return new ElementwiseEvaluator(outputSize(inputSize), Tanh::values, Tanh::tangents);
    }

    /**
     * The value loop: {@code y = tanh(x)}.
     * @param n the number of elements
     * @param x the input
     * @param y the output
     */
    private static void values(final int n, final double[] x, final double[] y) {
        for (int i = 0; i < n; i++) {
            y[i] = Math.tanh(x[i]);
        }
    }

    /**
     * The value and tangent loop: {@code y = tanh(x)}, {@code ty = (1 - y^2) tx}.
     * @param n the number of elements
     * @param x the input
     * @param tx the input tangent
     * @param y the output
     * @param ty the output tangent
     */
    private static void tangents(final int n, final double[] x, final double[] tx, final double[] y,
                                 final double[] ty) {
        for (int i = 0; i < n; i++) {
            final double v = Math.tanh(x[i]);
            y[i] = v;
            ty[i] = (1 - v * v) * tx[i];
        }
    }

    /**
     * Returns {@code Tanh}.
     * @return the description
     */
    @Override
    public String toString() {
        return "Tanh";
    }
}
