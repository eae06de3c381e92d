package org.deceptron.dipg.nn;

import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * One layer of a feed-forward {@link Network}: a differentiable map from a flat {@code double[]} to a flat
 * {@code double[]}.
 * <p>
 * Layers are immutable and thread safe. They are evaluated (value and Jacobian-vector product) through a
 * {@link NetworkEvaluator}, which owns all scratch buffers. The set of layer types is closed so that every
 * network can be written to and read from a model file.
 * </p>
 */
public abstract sealed class Layer permits Dense, LeakyRelu, Tanh, Convolution, ResidualBlock, Reshape {

    /** Value of {@link #inputSize()} for element-wise layers, which accept any input size and preserve it. */
    public static final int ANY_SIZE = -1;

    /**
     * Largest input or output size of a layer, and largest size computed from a layer's shape (its parameter
     * count, its evaluation buffers): sizes are Java array lengths. Layer constructors refuse larger sizes with
     * {@link DipgFormats#NN_SIZE_TOO_LARGE}, computing them without overflow; model files declaring larger sizes
     * are refused before anything is allocated.
     */
    public static final int MAX_SIZE = Integer.MAX_VALUE;

    /**
     * Memory counted for every layer evaluator besides its buffers, in doubles: the evaluator object and its slots
     * in the tables of its chain (a generous bound, so that {@link Network#evaluatorMemory()} bounds what is
     * allocated).
     */
    static final long EVALUATOR_OVERHEAD = 32;

    /** Only the layers of this package extend this class. */
    Layer() {
    }

    /**
     * Returns the input size this layer requires, or {@link #ANY_SIZE} for an element-wise layer that accepts any
     * size (and then outputs the same size).
     * <p>
     * This implementation is that of the element-wise layers ({@link LeakyRelu}, {@link Tanh}): it returns
     * {@link #ANY_SIZE}. The other layers override it, and {@link #outputSize(int)} with it.
     * </p>
     * @return the required input size, or {@link #ANY_SIZE}
     */
    public int inputSize() {
        return ANY_SIZE;
    }

    /**
     * Returns the output size produced for a given input size.
     * <p>
     * This implementation is that of the element-wise layers ({@link LeakyRelu}, {@link Tanh}): it accepts any
     * positive size and returns it (see {@link #checkPositiveSize}). The other layers override it.
     * </p>
     * @param inputSize the input size (positive)
     * @return the output size
     * @throws MathIllegalArgumentException when this layer does not accept {@code inputSize}
     */
    public int outputSize(final int inputSize) {
        return checkPositiveSize(this, inputSize);
    }

    /**
     * Creates an evaluator of this layer for a given (already validated) input size.
     * @param inputSize the input size, accepted by {@link #outputSize(int)}
     * @return a new evaluator; stateless layers may share one
     */
    abstract LayerEvaluator newEvaluator(int inputSize);

    /**
     * Returns (an upper bound of) the memory {@link #newEvaluator(int)} allocates, in doubles: its buffers, and
     * its index tables counted as half a double per {@code int} plus two doubles per array header (the evaluator
     * object itself is counted by its chain, {@link #EVALUATOR_OVERHEAD}). Computed with
     * {@link Math#multiplyExact(long, long)} and {@link Math#addExact(long, long)}, so that a caller can refuse an
     * evaluator before allocating it.
     * <p>
     * This implementation is that of the layers whose evaluator holds no buffer ({@link Dense}, {@link Reshape},
     * {@link LeakyRelu}, {@link Tanh}): it returns 0.
     * </p>
     * @param inputSize the input size, accepted by {@link #outputSize(int)}
     * @return the number of doubles
     * @throws ArithmeticException when the count does not fit a long
     */
    long evaluatorMemory(final int inputSize) {
        return 0;
    }

    /**
     * Returns the largest activation of this layer for an input size: the largest of its input size, its output
     * size and the sizes of any intermediate result it computes (a residual body's).
     * <p>
     * This implementation is that of the layers without intermediate results: the larger of the input and the
     * output size.
     * </p>
     * @param inputSize the input size, accepted by {@link #outputSize(int)}
     * @return the largest activation, in values
     */
    long largestActivation(final int inputSize) {
        return Math.max(inputSize, outputSize(inputSize));
    }

    /**
     * Checks that an element-wise layer receives a positive size.
     * @param layer the layer, for the message
     * @param inputSize the input size
     * @return {@code inputSize}
     * @throws MathIllegalArgumentException when the size is not positive
     *         ({@link DipgFormats#NN_POSITIVE_INPUT_SIZE})
     */
    static int checkPositiveSize(final Layer layer, final int inputSize) {
        if (inputSize <= 0) {
            throw new MathIllegalArgumentException(DipgFormats.NN_POSITIVE_INPUT_SIZE, layer, inputSize);
        }
        return inputSize;
    }

    /**
     * Checks that a layer with a fixed input size receives it.
     * @param layer the layer, for the message
     * @param expected the size the layer requires
     * @param inputSize the size it is given
     * @throws MathIllegalArgumentException on a mismatch ({@link DipgFormats#NN_INPUT_SIZE})
     */
    static void checkFixedSize(final Layer layer, final int expected, final int inputSize) {
        if (inputSize != expected) {
            throw new MathIllegalArgumentException(DipgFormats.NN_INPUT_SIZE, layer, expected, inputSize);
        }
    }
}
