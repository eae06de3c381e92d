package org.deceptron.dipg.nn;

import java.util.List;
import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Residual block {@code y = post(x + body(x))}, where {@code body} is a sequence of layers whose output size equals
 * its input size and {@code post} is an optional element-wise (size-preserving) activation; without it
 * {@code y = x + body(x)}.
 * <p>
 * The Jacobian-vector product is {@code post'(x + body(x)) (t + J_body(x) t)}.
 * </p>
 */
public final class ResidualBlock extends Layer {

    /** The body layers, unmodifiable. */
    private final List<Layer> body;

    /** The activation applied after the sum, or null. */
    private final Layer postActivation;

    /** Fixed input size of the body, or {@link Layer#ANY_SIZE} when the body is element-wise. */
    private final int size;

    /**
     * Creates a residual block.
     * @param body the body layers (at least one); the list is copied
     * @param postActivation the layer applied to {@code x + body(x)}, which must preserve the size (e.g.
     *        {@link LeakyRelu}, {@link Tanh}), or null for none
     * @throws MathIllegalArgumentException when the body is empty, inconsistent, or does not preserve the size
     *         ({@link DipgFormats#NN_RESIDUAL_BODY_SIZE}), or when the post-activation does not preserve it
     *         ({@link DipgFormats#NN_RESIDUAL_POST_INPUT_SIZE}, {@link DipgFormats#NN_RESIDUAL_POST_SIZE})
     * @throws NullPointerException when the body or one of its layers is null
     */
    public ResidualBlock(final List<Layer> body, final Layer postActivation) {
        final int fixed = body == null ? Layer.ANY_SIZE : Chain.firstFixedSize(body);
        this.body = fixed == Layer.ANY_SIZE
                    ? validate(body, postActivation, Layer.ANY_SIZE, true)
                    : validate(body, postActivation, fixed, false);
        this.postActivation = postActivation;
        this.size = fixed;
    }

    /**
     * Validates the body and the post-activation for one input size.
     * @param body the body
     * @param post the post-activation or null
     * @param inputSize the input size, or {@link Layer#ANY_SIZE} for an element-wise body
     * @param elementWise whether the body is element-wise (then it is validated on a probe size)
     * @return the body as an unmodifiable list
     */
    private static List<Layer> validate(final List<Layer> body, final Layer post, final int inputSize,
                                        final boolean elementWise) {
        final int probe = elementWise ? 1 : inputSize;
        final Chain chain = new Chain("residual body", body, probe);
        if (chain.outputSize() != probe) {
            throw new MathIllegalArgumentException(DipgFormats.NN_RESIDUAL_BODY_SIZE, probe, chain.outputSize());
        }
        checkPost(post, probe);
        return chain.layers();
    }

    /**
     * Checks that a post-activation preserves a size.
     * @param post the post-activation or null
     * @param inputSize the size
     */
    private static void checkPost(final Layer post, final int inputSize) {
        if (post == null) {
            return;
        }
        if (post.inputSize() != Layer.ANY_SIZE && post.inputSize() != inputSize) {
            throw new MathIllegalArgumentException(DipgFormats.NN_RESIDUAL_POST_INPUT_SIZE, post, post.inputSize(),
                                                   inputSize);
        }
        final int out = post.outputSize(inputSize);
        if (out != inputSize) {
            throw new MathIllegalArgumentException(DipgFormats.NN_RESIDUAL_POST_SIZE, post, inputSize, out);
        }
    }

    /**
     * Returns the body layers.
     * @return an unmodifiable list
     */
    public List<Layer> body() {
        return body;
    }

    /**
     * Returns the post-activation.
     * @return the layer applied after the sum, or null when there is none
     */
    public Layer postActivation() {
        return postActivation;
    }

    /**
     * Returns the block's size (input = output), or {@link Layer#ANY_SIZE} when the whole block is element-wise.
     * @return the input size
     */
    @Override
    public int inputSize() {
        return size;
    }

    /** {@inheritDoc} */
    @Override
    public int outputSize(final int inputSize) {
        if (size == Layer.ANY_SIZE) {
            return checkPositiveSize(this, inputSize);
        }
        checkFixedSize(this, size, inputSize);
        return size;
    }

    /** {@inheritDoc} */
    @Override
    LayerEvaluator newEvaluator(final int inputSize) {
        final int n = outputSize(inputSize);
        final LayerEvaluator bodyEvaluator = new Chain("residual body", body, n).newEvaluator();
        final LayerEvaluator postEvaluator = postActivation == null ? null : postActivation.newEvaluator(n);
        return new Evaluator(n, bodyEvaluator, postEvaluator);
    }

    /** {@inheritDoc} */
    @Override
    long evaluatorMemory(final int inputSize) {
        final int n = outputSize(inputSize);
        long total = new Chain("residual body", body, n).evaluatorMemory();
        if (postActivation != null) {
            total = Math.addExact(total, Math.multiplyExact(2L, n));
            total = Math.addExact(total, postActivation.evaluatorMemory(n));
        }
        return total;
    }

    /** {@inheritDoc} */
    @Override
    long largestActivation(final int inputSize) {
        final int n = outputSize(inputSize);
        long largest = new Chain("residual body", body, n).largestActivation();
        if (postActivation != null) {
            largest = Math.max(largest, postActivation.largestActivation(n));
        }
        return largest;
    }

    /**
     * Returns a short description, e.g. {@code Residual[Convolution(...), LeakyRelu(0.01)]->LeakyRelu(0.01)}.
     * @return the description
     */
    @Override
    public String toString() {
        return "Residual" + body + (postActivation == null ? "" : "->" + postActivation);
    }

    /** Evaluator with buffers for the sum x + body(x) and its tangent. */
    private static final class Evaluator implements LayerEvaluator {

        /** Size. */
        private final int n;

        /** Body evaluator. */
        private final LayerEvaluator bodyEvaluator;

        /** Post-activation evaluator, or null. */
        private final LayerEvaluator postEvaluator;

        /** x + body(x) when there is a post-activation. */
        private final double[] sum;

        /** Its tangent. */
        private final double[] sumTangent;

        /**
         * Creates the evaluator.
         * @param n size
         * @param bodyEvaluator body evaluator
         * @param postEvaluator post-activation evaluator or null
         */
        Evaluator(final int n, final LayerEvaluator bodyEvaluator, final LayerEvaluator postEvaluator) {
            this.n = n;
            this.bodyEvaluator = bodyEvaluator;
            this.postEvaluator = postEvaluator;
            this.sum = postEvaluator == null ? null : new double[n];
            this.sumTangent = postEvaluator == null ? null : new double[n];
        }

        @Override
        public void forward(final double[] in, final double[] out) {
            final double[] s = postEvaluator == null ? out : sum;
            bodyEvaluator.forward(in, s);
            for (int i = 0; i < n; i++) {
                s[i] += in[i];
            }
            if (postEvaluator != null) {
                postEvaluator.forward(s, out);
            }
        }

        @Override
        public void jvp(final double[] in, final double[] tangentIn, final double[] out,
                        final double[] tangentOut) {
            final double[] s = postEvaluator == null ? out : sum;
            final double[] ts = postEvaluator == null ? tangentOut : sumTangent;
            bodyEvaluator.jvp(in, tangentIn, s, ts);
            for (int i = 0; i < n; i++) {
                s[i] += in[i];
                ts[i] += tangentIn[i];
            }
            if (postEvaluator != null) {
                postEvaluator.jvp(s, ts, out, tangentOut);
            }
        }
    }
}
