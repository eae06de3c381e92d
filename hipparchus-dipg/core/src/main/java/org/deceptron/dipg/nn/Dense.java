package org.deceptron.dipg.nn;

import java.util.Objects;
import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Fully connected layer {@code y = W x + b}.
 * <p>
 * Weight layout: {@code W} is row-major [out][in] flattened, i.e. {@code W[o][i]} is {@code weights[o*in + i]}
 * (the layout of PyTorch's {@code Linear.weight}; DL4J's {@code DenseLayer} stores [in][out] and must be
 * transposed). {@code bias[o]} is added to output {@code o}. The Jacobian is {@code W} itself.
 * </p>
 */
public final class Dense extends Layer {

    /** Input size. */
    private final int in;

    /** Output size. */
    private final int out;

    /** Weights, row-major [out][in]. */
    private final double[] weights;

    /** Bias, length out. */
    private final double[] bias;

    /**
     * Creates a dense layer. The arrays are copied.
     * @param in input size (positive)
     * @param out output size (positive)
     * @param weights weights, row-major [out][in]: {@code W[o][i] = weights[o*in + i]}, length {@code out*in}
     * @param bias bias, length {@code out}
     * @throws MathIllegalArgumentException on non-positive sizes ({@link DipgFormats#NN_INVALID_PARAMETER}), wrong
     *         array lengths ({@link DipgFormats#NN_PARAMETER_COUNT}) or non-finite values
     *         ({@link DipgFormats#NN_NOT_FINITE})
     */
    public Dense(final int in, final int out, final double[] weights, final double[] bias) {
        if (in <= 0 || out <= 0) {
            throw new MathIllegalArgumentException(DipgFormats.NN_INVALID_PARAMETER, "Dense sizes", "positive",
                                                   "in=" + in + ", out=" + out);
        }
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(bias, "bias");
        // in, out < 2^31: the product of two ints cannot overflow a long
        final long expectedWeights = (long) in * out;
        if (expectedWeights != weights.length) {
            throw new MathIllegalArgumentException(DipgFormats.NN_PARAMETER_COUNT, "Dense(" + in + "->" + out + ")",
                                                   expectedWeights, "weights (row-major [out][in])",
                                                   weights.length);
        }
        if (bias.length != out) {
            throw new MathIllegalArgumentException(DipgFormats.NN_PARAMETER_COUNT, "Dense(" + in + "->" + out + ")",
                                                   out, "biases", bias.length);
        }
        NnChecks.checkFinite("Dense weights", weights);
        NnChecks.checkFinite("Dense bias", bias);
        this.in = in;
        this.out = out;
        this.weights = weights.clone();
        this.bias = bias.clone();
    }

    /** {@inheritDoc} */
    @Override
    public int inputSize() {
        return in;
    }

    /**
     * Returns the output size.
     * @return the output size
     */
    public int outputSize() {
        return out;
    }

    /** {@inheritDoc} */
    @Override
    public int outputSize(final int inputSize) {
        checkFixedSize(this, in, inputSize);
        return out;
    }

    /**
     * Returns a copy of the weights, row-major [out][in].
     * @return the weights
     */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Returns a copy of the bias.
     * @return the bias, length {@link #outputSize()}
     */
    public double[] bias() {
        return bias.clone();
    }

    /** {@inheritDoc} */
    @Override
    LayerEvaluator newEvaluator(final int inputSize) {
        outputSize(inputSize);
        return new Evaluator();
    }

    /**
     * Returns a short description, e.g. {@code Dense(64->128)}.
     * @return the description
     */
    @Override
    public String toString() {
        return "Dense(" + in + "->" + out + ")";
    }

    /** Stateless evaluator: dot products with four independent accumulators (value and tangent alike). */
    private final class Evaluator implements LayerEvaluator {

        @Override
        public void forward(final double[] x, final double[] y) {
            final int n = in;
            final int n4 = n & ~3;
            final double[] w = weights;
            for (int o = 0, base = 0; o < out; o++, base += n) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int i = 0;
                for (; i < n4; i += 4) {
                    s0 += w[base + i] * x[i];
                    s1 += w[base + i + 1] * x[i + 1];
                    s2 += w[base + i + 2] * x[i + 2];
                    s3 += w[base + i + 3] * x[i + 3];
                }
                for (; i < n; i++) {
                    s0 += w[base + i] * x[i];
                }
                y[o] = bias[o] + ((s0 + s1) + (s2 + s3));
            }
        }

        @Override
        public void jvp(final double[] x, final double[] tx, final double[] y, final double[] ty) {
            // same summation order as forward, so that the value is bit-identical
            final int n = in;
            final int n4 = n & ~3;
            final double[] w = weights;
            for (int o = 0, base = 0; o < out; o++, base += n) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                double t0 = 0;
                double t1 = 0;
                double t2 = 0;
                double t3 = 0;
                int i = 0;
                for (; i < n4; i += 4) {
                    final double w0 = w[base + i];
                    final double w1 = w[base + i + 1];
                    final double w2 = w[base + i + 2];
                    final double w3 = w[base + i + 3];
                    s0 += w0 * x[i];
                    s1 += w1 * x[i + 1];
                    s2 += w2 * x[i + 2];
                    s3 += w3 * x[i + 3];
                    t0 += w0 * tx[i];
                    t1 += w1 * tx[i + 1];
                    t2 += w2 * tx[i + 2];
                    t3 += w3 * tx[i + 3];
                }
                for (; i < n; i++) {
                    s0 += w[base + i] * x[i];
                    t0 += w[base + i] * tx[i];
                }
                y[o] = bias[o] + ((s0 + s1) + (s2 + s3));
                ty[o] = (t0 + t1) + (t2 + t3);
            }
        }
    }
}
