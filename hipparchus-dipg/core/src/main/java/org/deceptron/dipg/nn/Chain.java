package org.deceptron.dipg.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * A validated sequence of layers with known sizes: the shared core of {@link Network} and of a
 * {@link ResidualBlock}'s body.
 */
final class Chain {

    /** The layers, unmodifiable. */
    private final List<Layer> layers;

    /** Input size. */
    private final int inputSize;

    /** Output size of every layer. */
    private final int[] outputSizes;

    /**
     * Validates a sequence of layers.
     * @param what what the sequence is, for messages (e.g. "network")
     * @param layers the layers (at least one, no nulls); copied
     * @param inputSize the input size, or {@link Layer#ANY_SIZE} to take it from the first layer with a fixed size
     * @throws MathIllegalArgumentException when the list is empty ({@link DipgFormats#NN_NO_LAYER}), the input size
     *         is undetermined ({@link DipgFormats#NN_UNKNOWN_INPUT_SIZE}) or consecutive sizes do not match
     *         ({@link DipgFormats#NN_SIZE_MISMATCH}, {@link DipgFormats#NN_LAYER_REFUSED})
     * @throws NullPointerException when the list or a layer is null
     */
    Chain(final String what, final List<Layer> layers, final int inputSize) {
        if (layers == null) {
            throw new NullPointerException(what + ": the layer list is null");
        }
        if (layers.isEmpty()) {
            throw new MathIllegalArgumentException(DipgFormats.NN_NO_LAYER, what);
        }
        final List<Layer> copy = new ArrayList<>(layers.size());
        for (int k = 0; k < layers.size(); k++) {
            final Layer layer = layers.get(k);
            if (layer == null) {
                throw new NullPointerException(what + ": layer " + k + " is null");
            }
            copy.add(layer);
        }
        int size = inputSize;
        if (size == Layer.ANY_SIZE) {
            size = firstFixedSize(copy);
            if (size == Layer.ANY_SIZE) {
                throw new MathIllegalArgumentException(DipgFormats.NN_UNKNOWN_INPUT_SIZE, what);
            }
        }
        this.layers = Collections.unmodifiableList(copy);
        this.inputSize = size;
        this.outputSizes = new int[copy.size()];
        for (int k = 0; k < copy.size(); k++) {
            final Layer layer = copy.get(k);
            final int expected = layer.inputSize();
            if (expected != Layer.ANY_SIZE && expected != size) {
                final String source = k == 0 ? "the input size is " + size
                                             : "layer " + (k - 1) + " (" + copy.get(k - 1) + ") outputs " + size;
                throw new MathIllegalArgumentException(DipgFormats.NN_SIZE_MISMATCH, what, k, layer, expected,
                                                       source);
            }
            try {
                size = layer.outputSize(size);
            } catch (MathIllegalArgumentException e) {
                throw new MathIllegalArgumentException(e, DipgFormats.NN_LAYER_REFUSED, what, k, e.getMessage());
            }
            outputSizes[k] = size;
        }
    }

    /**
     * Returns the input size of the first layer with a fixed one, or {@link Layer#ANY_SIZE}. Since only
     * element-wise layers have no fixed size, that is the size of a chain that starts with them.
     * @param layers the layers
     * @return the first fixed input size, or {@link Layer#ANY_SIZE}
     */
    static int firstFixedSize(final List<Layer> layers) {
        for (final Layer layer : layers) {
            if (layer.inputSize() != Layer.ANY_SIZE) {
                return layer.inputSize();
            }
        }
        return Layer.ANY_SIZE;
    }

    /**
     * Returns the layers.
     * @return an unmodifiable list
     */
    List<Layer> layers() {
        return layers;
    }

    /**
     * Returns the input size.
     * @return the input size
     */
    int inputSize() {
        return inputSize;
    }

    /**
     * Returns the output size.
     * @return the output size
     */
    int outputSize() {
        return outputSizes[outputSizes.length - 1];
    }

    /**
     * Returns (an upper bound of) the memory {@link #newEvaluator()} allocates, in doubles: a value and a tangent
     * buffer per intermediate result, and what every layer's evaluator allocates
     * ({@link Layer#evaluatorMemory(int)} plus {@link Layer#EVALUATOR_OVERHEAD}).
     * @return the number of doubles
     * @throws ArithmeticException when the count does not fit a long
     */
    long evaluatorMemory() {
        long total = 0;
        int size = inputSize;
        for (int k = 0; k < layers.size(); k++) {
            total = Math.addExact(total, layers.get(k).evaluatorMemory(size) + Layer.EVALUATOR_OVERHEAD);
            size = outputSizes[k];
            if (k < layers.size() - 1) {
                total = Math.addExact(total, Math.multiplyExact(2L, size));
            }
        }
        return total;
    }

    /**
     * Returns the largest activation: the largest input, output or intermediate size of any layer.
     * @return the largest activation, in values
     */
    long largestActivation() {
        long largest = inputSize;
        int size = inputSize;
        for (int k = 0; k < layers.size(); k++) {
            largest = Math.max(largest, layers.get(k).largestActivation(size));
            size = outputSizes[k];
        }
        return largest;
    }

    /**
     * Creates an evaluator with buffers for every intermediate result.
     * @return a new evaluator
     */
    LayerEvaluator newEvaluator() {
        final int count = layers.size();
        final LayerEvaluator[] evaluators = new LayerEvaluator[count];
        final double[][] values = new double[count - 1][];
        final double[][] tangents = new double[count - 1][];
        int size = inputSize;
        for (int k = 0; k < count; k++) {
            evaluators[k] = layers.get(k).newEvaluator(size);
            size = outputSizes[k];
            if (k < count - 1) {
                values[k] = new double[size];
                tangents[k] = new double[size];
            }
        }
        return new Evaluator(evaluators, values, tangents);
    }

    /** Runs the layers one after the other through pre-allocated buffers; the last one writes the caller's. */
    private static final class Evaluator implements LayerEvaluator {

        /** Layer evaluators. */
        private final LayerEvaluator[] evaluators;

        /** Output of layer k (all but the last). */
        private final double[][] values;

        /** Output tangent of layer k (all but the last). */
        private final double[][] tangents;

        /**
         * Creates the evaluator.
         * @param evaluators layer evaluators
         * @param values value buffers
         * @param tangents tangent buffers
         */
        Evaluator(final LayerEvaluator[] evaluators, final double[][] values, final double[][] tangents) {
            this.evaluators = evaluators;
            this.values = values;
            this.tangents = tangents;
        }

        @Override
        public void forward(final double[] in, final double[] out) {
            final int last = evaluators.length - 1;
            double[] current = in;
            for (int k = 0; k < last; k++) {
                evaluators[k].forward(current, values[k]);
                current = values[k];
            }
            evaluators[last].forward(current, out);
        }

        @Override
        public void jvp(final double[] in, final double[] tangentIn, final double[] out,
                        final double[] tangentOut) {
            final int last = evaluators.length - 1;
            double[] current = in;
            double[] currentTangent = tangentIn;
            for (int k = 0; k < last; k++) {
                evaluators[k].jvp(current, currentTangent, values[k], tangents[k]);
                current = values[k];
                currentTangent = tangents[k];
            }
            evaluators[last].jvp(current, currentTangent, out, tangentOut);
        }
    }
}
