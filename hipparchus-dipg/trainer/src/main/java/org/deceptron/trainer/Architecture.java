package org.deceptron.trainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * A network template, sized to a map of given input and output sizes: the two shapes the paper uses.
 * <ul>
 *   <li>{@link Mlp}: dense layers with LeakyReLU(0.1) between them (paper's DeceptronMLP);</li>
 *   <li>{@link ConvResNet}: entry conv 1 -> C + LeakyReLU, {@code blocks} residual blocks
 *   {@code lrelu(x + conv(lrelu(conv(x))))} at C channels, exit conv C -> 1 (paper's DeceptronCNN2D/3D), zero or
 *   circular padding;</li>
 * </ul>
 * both with an optional tanh on the output.
 */
public sealed interface Architecture {

    /** LeakyReLU slope used everywhere (the paper's 0.1). */
    double SLOPE = 0.1;

    /**
     * Builds the layer list of a network mapping {@code in} to {@code out} values.
     * @param in input size
     * @param out output size
     * @return the layers
     */
    List<LayerSpec> layers(int in, int out);

    /**
     * Returns a short description for logs and the training record.
     * @return the description
     */
    String describe();

    /**
     * Multi-layer perceptron.
     * @param hidden hidden widths (may be empty: one dense layer, then LeakyReLU when {@code activateOutput})
     * @param activateOutput apply LeakyReLU to the output (the paper's f for Heat-1D is Linear + LeakyReLU)
     * @param tanhOutput apply tanh to the output
     */
    record Mlp(int[] hidden, boolean activateOutput, boolean tanhOutput) implements Architecture {
        @Override
        public List<LayerSpec> layers(final int in, final int out) {
            final List<LayerSpec> l = new ArrayList<>();
            int prev = in;
            for (final int h : hidden) {
                l.add(new LayerSpec.Dense(prev, h));
                l.add(new LayerSpec.LeakyRelu(SLOPE));
                prev = h;
            }
            l.add(new LayerSpec.Dense(prev, out));
            if (activateOutput) {
                l.add(new LayerSpec.LeakyRelu(SLOPE));
            }
            if (tanhOutput) {
                l.add(new LayerSpec.Tanh());
            }
            return l;
        }

        @Override
        public String describe() {
            return "mlp" + Arrays.toString(hidden) + (activateOutput ? "+lrelu" : "") + (tanhOutput ? "+tanh" : "");
        }

        @Override
        public boolean equals(final Object o) {
            return o instanceof Mlp m && Arrays.equals(m.hidden, hidden) && m.activateOutput == activateOutput
                   && m.tanhOutput == tanhOutput;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hidden) * 4 + (activateOutput ? 2 : 0) + (tanhOutput ? 1 : 0);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * Convolutional residual network on a grid, one channel in and out.
     * @param shape spatial shape {H, W} or {D, H, W}; in = out = product
     * @param channels hidden channels C
     * @param blocks number of residual blocks
     * @param kernel odd kernel extent (3)
     * @param circular periodic padding, else zero padding
     * @param tanhOutput apply tanh to the output
     */
    record ConvResNet(int[] shape, int channels, int blocks, int kernel, boolean circular, boolean tanhOutput)
        implements Architecture {

        @Override
        public List<LayerSpec> layers(final int in, final int out) {
            final int dims = shape.length;
            int points = 1;
            for (final int s : shape) {
                points *= s;
            }
            if (in != points || out != points) {
                throw new MathIllegalArgumentException(TrainerFormats.GRID_MISMATCH, Arrays.toString(shape),
                                                       Integer.toString(points), Integer.toString(in),
                                                       Integer.toString(out));
            }
            final List<LayerSpec> l = new ArrayList<>();
            l.add(new LayerSpec.Reshape(points));
            l.add(new LayerSpec.Conv(dims, 1, channels, kernel, circular, shape.clone()));
            l.add(new LayerSpec.LeakyRelu(SLOPE));
            for (int b = 0; b < blocks; b++) {
                l.add(new LayerSpec.Residual(List.of(
                    new LayerSpec.Conv(dims, channels, channels, kernel, circular, shape.clone()),
                    new LayerSpec.LeakyRelu(SLOPE),
                    new LayerSpec.Conv(dims, channels, channels, kernel, circular, shape.clone())),
                    new LayerSpec.LeakyRelu(SLOPE)));
            }
            l.add(new LayerSpec.Conv(dims, channels, 1, kernel, circular, shape.clone()));
            if (tanhOutput) {
                l.add(new LayerSpec.Tanh());
            }
            return l;
        }

        @Override
        public String describe() {
            return "conv" + shape.length + "d" + Arrays.toString(shape) + " C" + channels + " x" + blocks + " blocks k"
                   + kernel + (circular ? " circular" : " zero") + (tanhOutput ? " +tanh" : "");
        }

        @Override
        public boolean equals(final Object o) {
            return o instanceof ConvResNet c && Arrays.equals(c.shape, shape) && c.channels == channels
                   && c.blocks == blocks && c.kernel == kernel && c.circular == circular
                   && c.tanhOutput == tanhOutput;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(shape) + 31 * (channels + 31 * (blocks + 31 * kernel));
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
