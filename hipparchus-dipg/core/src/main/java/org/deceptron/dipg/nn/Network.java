package org.deceptron.dipg.nn;

import java.util.List;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * An immutable feed-forward network: a sequence of {@link Layer}s applied one after the other, mapping a flat
 * {@code double[]} of {@link #inputSize()} to a flat {@code double[]} of {@link #outputSize()}.
 * <p>
 * The input size is the input size of the first layer that has a fixed one (element-wise layers in front of it
 * preserve it); a network made only of element-wise layers must start with a {@link Reshape}. Evaluation happens
 * in a {@link NetworkEvaluator} from {@link #newEvaluator()}; the network itself is thread safe.
 * </p>
 */
public final class Network {

    /** The validated layer sequence. */
    private final Chain chain;

    /**
     * Creates a network and checks that consecutive sizes match.
     * @param layers the layers, at least one; the list is copied
     * @throws MathIllegalArgumentException when the list is empty, the input size cannot be determined, or a
     *         layer's input size differs from the previous layer's output size (the message names the layer index
     *         and both sizes)
     * @throws NullPointerException when the list or one of its layers is null
     */
    public Network(final List<Layer> layers) {
        this.chain = new Chain("network", layers, Layer.ANY_SIZE);
    }

    /**
     * Returns the input size.
     * @return the input size
     */
    public int inputSize() {
        return chain.inputSize();
    }

    /**
     * Returns the output size.
     * @return the output size
     */
    public int outputSize() {
        return chain.outputSize();
    }

    /**
     * Returns the layers.
     * @return an unmodifiable list
     */
    public List<Layer> layers() {
        return chain.layers();
    }

    /**
     * Returns the largest activation of the network: the largest input, output or intermediate size of any of its
     * layers (nested ones included). An evaluator holds buffers of that size.
     * @return the largest activation, in values
     */
    public long largestActivation() {
        return chain.largestActivation();
    }

    /**
     * Returns (an upper bound of) the memory {@link #newEvaluator()} allocates, in doubles: a value and a tangent
     * buffer per intermediate result and the layers' own buffers (a convolution's padded rows and accumulator),
     * index tables counted as half a double per {@code int} plus two doubles per array header. Computed without
     * overflow (and without allocating anything), so that an evaluator too large for the memory available can be
     * refused before it is created.
     * @return the number of doubles, {@link Long#MAX_VALUE} when it does not even fit a long
     */
    public long evaluatorMemory() {
        try {
            return chain.evaluatorMemory();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Creates an evaluator with its own pre-allocated buffers. Evaluators are not thread safe: use one per thread.
     * @return a new evaluator
     */
    public NetworkEvaluator newEvaluator() {
        return new NetworkEvaluator(this, chain.newEvaluator());
    }

    /**
     * Returns a description listing the layers.
     * @return the description
     */
    @Override
    public String toString() {
        return "Network(" + inputSize() + "->" + outputSize() + ")" + chain.layers();
    }
}
