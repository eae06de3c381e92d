package org.deceptron.dipg.nn;

import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Evaluates a {@link Network} and its Jacobian-vector product with pre-allocated buffers: nothing is allocated
 * per call. Not thread safe; create one per thread with {@link Network#newEvaluator()}.
 * <p>
 * Output arrays must be distinct from the input arrays (they may not alias).
 * </p>
 */
public final class NetworkEvaluator {

    /** The network. */
    private final Network network;

    /** The evaluator of the whole layer chain. */
    private final LayerEvaluator chain;

    /** Input size. */
    private final int inputSize;

    /** Output size. */
    private final int outputSize;

    /**
     * Creates an evaluator.
     * @param network the network
     * @param chain the chain evaluator
     */
    NetworkEvaluator(final Network network, final LayerEvaluator chain) {
        this.network = network;
        this.chain = chain;
        this.inputSize = network.inputSize();
        this.outputSize = network.outputSize();
    }

    /**
     * Returns the evaluated network.
     * @return the network
     */
    public Network network() {
        return network;
    }

    /**
     * Evaluates {@code out = net(in)}.
     * @param in the input, length {@link Network#inputSize()} (not modified)
     * @param out the output, length {@link Network#outputSize()}, not the same array as {@code in}
     * @throws MathIllegalArgumentException on a wrong length or aliasing
     */
    public void forward(final double[] in, final double[] out) {
        NnChecks.checkLength("input", in, inputSize);
        NnChecks.checkLength("output", out, outputSize);
        NnChecks.checkDistinct("output", out, "input", in);
        chain.forward(in, out);
    }

    /**
     * Evaluates {@code out = net(in)} and {@code tangentOut = J_net(in) tangentIn} in one pass.
     * @param in the input, length {@link Network#inputSize()} (not modified)
     * @param tangentIn the input tangent, length {@link Network#inputSize()} (not modified)
     * @param out the output, length {@link Network#outputSize()}
     * @param tangentOut the output tangent, length {@link Network#outputSize()}
     * @throws MathIllegalArgumentException on a wrong length, or when an output array is an input array or both
     *         outputs are the same array
     */
    public void jvp(final double[] in, final double[] tangentIn, final double[] out, final double[] tangentOut) {
        NnChecks.checkLength("input", in, inputSize);
        NnChecks.checkLength("input tangent", tangentIn, inputSize);
        NnChecks.checkLength("output", out, outputSize);
        NnChecks.checkLength("output tangent", tangentOut, outputSize);
        NnChecks.checkDistinct("output", out, "input", in);
        NnChecks.checkDistinct("output", out, "input tangent", tangentIn);
        NnChecks.checkDistinct("output tangent", tangentOut, "input", in);
        NnChecks.checkDistinct("output tangent", tangentOut, "input tangent", tangentIn);
        NnChecks.checkDistinct("output tangent", tangentOut, "output", out);
        chain.jvp(in, tangentIn, out, tangentOut);
    }
}
