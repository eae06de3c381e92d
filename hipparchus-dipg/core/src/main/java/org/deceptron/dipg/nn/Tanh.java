package org.deceptron.dipg.nn;

/**
 * Element-wise hyperbolic tangent {@code y = tanh(x)}, with tangent {@code dy = (1 - y^2) dx}. Accepts any input
 * size and preserves it.
 */
public final class Tanh extends Layer {

    /** Creates the (parameter-free) layer. */
    public Tanh() {
        // nothing to configure
    }

    /**
     * Returns {@link Layer#ANY_SIZE}: the layer is element-wise.
     * @return {@link Layer#ANY_SIZE}
     */
    @Override
    public int inputSize() {
        return ANY_SIZE;
    }

    /** {@inheritDoc} */
    @Override
    public int outputSize(final int inputSize) {
        return checkPositiveSize(this, inputSize);
    }

    /** {@inheritDoc} */
    @Override
    LayerEvaluator newEvaluator(final int inputSize) {
        final int n = outputSize(inputSize);
        return new LayerEvaluator() {
            @Override
            public void forward(final double[] x, final double[] y) {
                for (int i = 0; i < n; i++) {
                    y[i] = Math.tanh(x[i]);
                }
            }

            @Override
            public void jvp(final double[] x, final double[] tx, final double[] y, final double[] ty) {
                for (int i = 0; i < n; i++) {
                    final double v = Math.tanh(x[i]);
                    y[i] = v;
                    ty[i] = (1 - v * v) * tx[i];
                }
            }
        };
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
