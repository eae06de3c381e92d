package org.deceptron.trainer;

import java.util.Arrays;
import java.util.List;

/**
 * The architecture of one layer, without weights: what the trainer builds in SameDiff and exports to core's
 * {@link org.deceptron.dipg.nn.Layer} of the same name. Shapes follow core's conventions: flat vectors between
 * layers, channel-major {@code ((c*D + d)*H + h)*W + w} inside convolutional parts.
 */
public sealed interface LayerSpec {

    /**
     * Returns the output size for a given input size.
     * @param inputSize the input size
     * @return the output size
     */
    int outputSize(int inputSize);

    /**
     * Fully connected layer y = W x + b.
     * @param in input size
     * @param out output size
     */
    record Dense(int in, int out) implements LayerSpec {
        @Override
        public int outputSize(final int inputSize) {
            return out;
        }
    }

    /**
     * Leaky rectifier.
     * @param slope slope for negative inputs
     */
    record LeakyRelu(double slope) implements LayerSpec {
        @Override
        public int outputSize(final int inputSize) {
            return inputSize;
        }
    }

    /** Hyperbolic tangent. */
    record Tanh() implements LayerSpec {
        @Override
        public int outputSize(final int inputSize) {
            return inputSize;
        }
    }

    /**
     * Stride-1 same-size convolution (cross-correlation).
     * @param dims spatial dimensions (2 or 3; 1 is accepted too)
     * @param inChannels input channels
     * @param outChannels output channels
     * @param kernel odd kernel extent
     * @param circular circular (periodic) padding, else zero padding
     * @param shape spatial shape {H, W} or {D, H, W}
     */
    record Conv(int dims, int inChannels, int outChannels, int kernel, boolean circular, int[] shape)
        implements LayerSpec {

        /**
         * Returns the number of spatial points.
         * @return D*H*W
         */
        public int points() {
            int p = 1;
            for (final int s : shape) {
                p *= s;
            }
            return p;
        }

        @Override
        public int outputSize(final int inputSize) {
            return outChannels * points();
        }

        @Override
        public boolean equals(final Object o) {
            return o instanceof Conv c && c.dims == dims && c.inChannels == inChannels
                   && c.outChannels == outChannels && c.kernel == kernel && c.circular == circular
                   && Arrays.equals(c.shape, shape);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(shape) + 31 * (dims + 31 * (inChannels + 31 * (outChannels + 31 * kernel)));
        }

        @Override
        public String toString() {
            return "Conv" + dims + "d(" + inChannels + "->" + outChannels + ", k" + kernel + ", "
                   + (circular ? "circular" : "zero") + ", " + Arrays.toString(shape) + ")";
        }
    }

    /**
     * Residual block y = post(x + body(x)).
     * @param body size-preserving layers
     * @param post element-wise activation after the sum, or null
     */
    record Residual(List<LayerSpec> body, LayerSpec post) implements LayerSpec {
        @Override
        public int outputSize(final int inputSize) {
            return inputSize;
        }
    }

    /**
     * Size marker (identity on flat vectors), exported as core's {@code Reshape}.
     * @param size the size
     */
    record Reshape(int size) implements LayerSpec {
        @Override
        public int outputSize(final int inputSize) {
            return size;
        }
    }
}
