package org.deceptron.dipg.nn;

/**
 * Evaluator of an element-wise layer ({@link LeakyRelu}, {@link Tanh}) for a fixed size: it calls the layer's own
 * loops over the elements (one call per evaluation, so the loops stay in the layer and are compiled there).
 */
final class ElementwiseEvaluator implements LayerEvaluator {

    /** The loop of a layer's value over the first {@code n} elements. */
    @FunctionalInterface
    interface Values {

        /**
         * Evaluates the layer.
         * @param n the number of elements
         * @param x the input (not modified)
         * @param y the output
         */
        void apply(int n, double[] x, double[] y);
    }

    /** The loop of a layer's value and tangent over the first {@code n} elements. */
    @FunctionalInterface
    interface Tangents {

        /**
         * Evaluates the layer and its Jacobian-vector product.
         * @param n the number of elements
         * @param x the input (not modified)
         * @param tx the input tangent (not modified)
         * @param y the output
         * @param ty the output tangent
         */
        void apply(int n, double[] x, double[] tx, double[] y, double[] ty);
    }

    /** The number of elements. */
    private final int n;

    /** The value loop. */
    private final Values values;

    /** The value and tangent loop. */
    private final Tangents tangents;

    /**
     * Creates an evaluator.
     * @param n the number of elements (the layer's validated input size)
     * @param values the value loop
     * @param tangents the value and tangent loop
     */
    ElementwiseEvaluator(final int n, final Values values, final Tangents tangents) {
        this.n = n;
        this.values = values;
        this.tangents = tangents;
    }

    @Override
    public void forward(final double[] x, final double[] y) {
        values.apply(n, x, y);
    }

    @Override
    public void jvp(final double[] x, final double[] tx, final double[] y, final double[] ty) {
        tangents.apply(n, x, tx, y, ty);
    }
}
