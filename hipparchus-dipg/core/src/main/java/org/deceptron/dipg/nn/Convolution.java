package org.deceptron.dipg.nn;

import java.util.Arrays;
import java.util.Objects;

/**
 * Convolution layer in 1, 2 or 3 spatial dimensions: stride 1, odd kernel, "same" output shape, zero or circular
 * padding. Like PyTorch's and DL4J's convolutions it is a cross-correlation:
 * <pre>
 *   out(o, p) = bias[o] + sum_{i, k} W[o][i][k] * in(i, p + k - kernel/2)
 * </pre>
 * where {@code p} and {@code k} are spatial multi-indices and {@code in(i, q)} outside the domain is 0
 * ({@link Padding#ZERO}) or {@code in(i, q mod shape)} ({@link Padding#CIRCULAR}, along every axis).
 * <p>
 * Layouts (all channel-major, row-major, flattened):
 * </p>
 * <ul>
 *   <li>spatial shape: {@code {W}} (1-D), {@code {H, W}} (2-D) or {@code {D, H, W}} (3-D);</li>
 *   <li>input and output: {@code ((c*D + d)*H + h)*W + w} (2-D: {@code (c*H + h)*W + w}, 1-D: {@code c*W + w});
 *   input size {@code inChannels * D*H*W}, output size {@code outChannels * D*H*W};</li>
 *   <li>weights [out][in][kd][kh][kw]: {@code W[o][i][a][b][c]} is
 *   {@code weights[(((o*inChannels + i)*kernel + a)*kernel + b)*kernel + c]} in 3-D, {@code [out][in][kh][kw]}
 *   i.e. {@code weights[((o*inChannels + i)*kernel + b)*kernel + c]} in 2-D and {@code [out][in][kw]} i.e.
 *   {@code weights[(o*inChannels + i)*kernel + c]} in 1-D (PyTorch's {@code ConvNd.weight} layout);</li>
 *   <li>bias: one value per output channel.</li>
 * </ul>
 * <p>
 * Evaluation hoists the index arithmetic out of the inner loop, which runs contiguously along w; circular wrapping
 * uses index tables built at construction and only touches the {@code kernel/2} border columns.
 * </p>
 */
public final class Convolution extends Layer {

    /** Number of spatial dimensions (1, 2 or 3). */
    private final int dims;

    /** Input channels. */
    private final int inChannels;

    /** Output channels. */
    private final int outChannels;

    /** Kernel extent along every spatial axis (odd). */
    private final int kernel;

    /** Padding mode. */
    private final Padding padding;

    /** Spatial shape as given ({@code dims} entries). */
    private final int[] shape;

    /** Weights [out][in][kd][kh][kw]. */
    private final double[] weights;

    /** Bias per output channel. */
    private final double[] bias;

    /** Depth D (1 below 3-D). */
    private final int depth;

    /** Height H (1 in 1-D). */
    private final int height;

    /** Width W. */
    private final int width;

    /** Spatial points per channel, D*H*W. */
    private final int plane;

    /** Kernel extent along depth (1 below 3-D). */
    private final int kernelD;

    /** Kernel extent along height (1 in 1-D). */
    private final int kernelH;

    /** Source depth index per kernel offset and output depth, -1 outside (zero padding). */
    private final int[][] sourceD;

    /** Source row index per kernel offset and output row, -1 outside (zero padding). */
    private final int[][] sourceH;

    /** Source column per kernel offset and output column, -1 outside (zero padding); used on the borders. */
    private final int[][] sourceW;

    /** First interior column (all taps in range without wrapping). */
    private final int interiorLo;

    /** End (exclusive) of the interior columns. */
    private final int interiorHi;

    /**
     * Creates a convolution. The arrays are copied.
     * @param dims number of spatial dimensions: 1, 2 or 3
     * @param inChannels input channels (positive)
     * @param outChannels output channels (positive)
     * @param kernel kernel extent along every axis (odd, positive)
     * @param padding zero or circular padding
     * @param spatialShape {@code {W}}, {@code {H, W}} or {@code {D, H, W}} (positive)
     * @param weights weights [out][in][kd][kh][kw] (see the class documentation), length
     *        {@code outChannels*inChannels*kernel^dims}
     * @param bias bias, length {@code outChannels}
     * @throws IllegalArgumentException on invalid dimensions, sizes, lengths or non-finite values
     */
    public Convolution(final int dims, final int inChannels, final int outChannels, final int kernel,
                       final Padding padding, final int[] spatialShape, final double[] weights,
                       final double[] bias) {
        if (dims < 1 || dims > 3) {
            throw new IllegalArgumentException("Convolution dims must be 1, 2 or 3, got " + dims);
        }
        if (inChannels <= 0 || outChannels <= 0) {
            throw new IllegalArgumentException("Convolution channels must be positive, got in=" + inChannels
                                               + ", out=" + outChannels);
        }
        if (kernel <= 0 || kernel % 2 == 0) {
            throw new IllegalArgumentException("Convolution kernel must be odd and positive, got " + kernel);
        }
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(spatialShape, "spatialShape");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(bias, "bias");
        if (spatialShape.length != dims) {
            throw new IllegalArgumentException("Convolution " + dims + "-D needs a spatial shape of " + dims
                                               + " entries, got " + Arrays.toString(spatialShape));
        }
        long points = 1;
        for (final int s : spatialShape) {
            if (s <= 0) {
                throw new IllegalArgumentException("Convolution spatial shape must be positive, got "
                                                   + Arrays.toString(spatialShape));
            }
            points *= s;
        }
        if (points * Math.max(inChannels, outChannels) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Convolution tensor too large: " + points + " points x "
                                               + Math.max(inChannels, outChannels) + " channels");
        }
        long taps = 1;
        for (int k = 0; k < dims; k++) {
            taps *= kernel;
        }
        final long expectedWeights = (long) outChannels * inChannels * taps;
        if (weights.length != expectedWeights) {
            throw new IllegalArgumentException("Convolution " + dims + "-D " + inChannels + "->" + outChannels
                                               + " kernel " + kernel + " needs " + expectedWeights
                                               + " weights [out][in]" + "[k]".repeat(dims) + ", got "
                                               + weights.length);
        }
        if (bias.length != outChannels) {
            throw new IllegalArgumentException("Convolution needs " + outChannels + " biases, got " + bias.length);
        }
        NnChecks.checkFinite("Convolution weights", weights);
        NnChecks.checkFinite("Convolution bias", bias);

        this.dims = dims;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.padding = padding;
        this.shape = spatialShape.clone();
        this.weights = weights.clone();
        this.bias = bias.clone();
        this.depth = dims == 3 ? shape[0] : 1;
        this.height = dims >= 2 ? shape[dims - 2] : 1;
        this.width = shape[dims - 1];
        this.plane = (int) points;
        this.kernelD = dims == 3 ? kernel : 1;
        this.kernelH = dims >= 2 ? kernel : 1;
        this.sourceD = sourceTable(kernelD, depth, padding);
        this.sourceH = sourceTable(kernelH, height, padding);
        this.sourceW = sourceTable(kernel, width, padding);
        final int r = kernel / 2;
        this.interiorLo = Math.min(r, width);
        this.interiorHi = Math.max(interiorLo, width - r);
    }

    /**
     * Builds the table of source indices along one axis.
     * @param extent kernel extent along the axis
     * @param size axis size
     * @param padding padding mode
     * @return table[k][p] = source index of tap k for output index p, or -1 when it reads a zero
     */
    private static int[][] sourceTable(final int extent, final int size, final Padding padding) {
        final int r = extent / 2;
        final int[][] table = new int[extent][size];
        for (int k = 0; k < extent; k++) {
            for (int p = 0; p < size; p++) {
                final int q = p + k - r;
                if (q >= 0 && q < size) {
                    table[k][p] = q;
                } else {
                    table[k][p] = padding == Padding.CIRCULAR ? Math.floorMod(q, size) : -1;
                }
            }
        }
        return table;
    }

    /**
     * Returns the number of spatial dimensions.
     * @return 1, 2 or 3
     */
    public int dims() {
        return dims;
    }

    /**
     * Returns the number of input channels.
     * @return input channels
     */
    public int inChannels() {
        return inChannels;
    }

    /**
     * Returns the number of output channels.
     * @return output channels
     */
    public int outChannels() {
        return outChannels;
    }

    /**
     * Returns the kernel extent along every axis.
     * @return the (odd) kernel extent
     */
    public int kernel() {
        return kernel;
    }

    /**
     * Returns the padding mode.
     * @return the padding
     */
    public Padding padding() {
        return padding;
    }

    /**
     * Returns a copy of the spatial shape ({@code {W}}, {@code {H, W}} or {@code {D, H, W}}).
     * @return the spatial shape
     */
    public int[] spatialShape() {
        return shape.clone();
    }

    /**
     * Returns a copy of the weights, layout [out][in][kd][kh][kw] (see the class documentation).
     * @return the weights
     */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Returns a copy of the bias.
     * @return the bias, one per output channel
     */
    public double[] bias() {
        return bias.clone();
    }

    /**
     * Returns the input size, {@code inChannels} times the number of spatial points.
     * @return the input size
     */
    @Override
    public int inputSize() {
        return inChannels * plane;
    }

    /**
     * Returns the output size, {@code outChannels} times the number of spatial points.
     * @return the output size
     */
    public int outputSize() {
        return outChannels * plane;
    }

    /** {@inheritDoc} */
    @Override
    public int outputSize(final int inputSize) {
        checkFixedSize(this, inputSize(), inputSize);
        return outputSize();
    }

    /** {@inheritDoc} */
    @Override
    LayerEvaluator newEvaluator(final int inputSize) {
        outputSize(inputSize);
        return new LayerEvaluator() {
            @Override
            public void forward(final double[] in, final double[] out) {
                for (int o = 0; o < outChannels; o++) {
                    Arrays.fill(out, o * plane, (o + 1) * plane, bias[o]);
                }
                accumulate(in, out);
            }

            @Override
            public void jvp(final double[] in, final double[] tangentIn, final double[] out,
                            final double[] tangentOut) {
                forward(in, out);
                Arrays.fill(tangentOut, 0, outChannels * plane, 0.0);
                accumulate(tangentIn, tangentOut);
            }
        };
    }

    /**
     * Adds the bias-free convolution of {@code in} to {@code out}.
     * @param in input tensor
     * @param out output tensor, accumulated into
     */
    private void accumulate(final double[] in, final double[] out) {
        final boolean fused = kernel == 3 && kernelH == 3;
        int wBase = 0;
        for (int o = 0; o < outChannels; o++) {
            final int outPlane = o * plane;
            for (int i = 0; i < inChannels; i++) {
                final int inPlane = i * plane;
                for (int a = 0; a < kernelD; a++, wBase += kernelH * kernel) {
                    final int[] srcD = sourceD[a];
                    for (int d = 0; d < depth; d++) {
                        final int sd = srcD[d];
                        if (sd < 0) {
                            continue;
                        }
                        final int inSlice = inPlane + sd * height * width;
                        final int outSlice = outPlane + d * height * width;
                        for (int h = 0; h < height; h++) {
                            final int ob = outSlice + h * width;
                            if (fused && sourceH[0][h] >= 0 && sourceH[2][h] >= 0) {
                                rows3x3(in, inSlice + sourceH[0][h] * width, inSlice + sourceH[1][h] * width,
                                        inSlice + sourceH[2][h] * width, out, ob, wBase);
                            } else {
                                for (int b = 0; b < kernelH; b++) {
                                    final int sh = sourceH[b][h];
                                    if (sh >= 0) {
                                        row(in, inSlice + sh * width, out, ob, wBase + b * kernel);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Adds a whole 3x3 kernel slice (three kernel rows applied to three input rows) to one output row.
     * @param in input tensor
     * @param i0 offset of the input row read by kernel row 0
     * @param i1 offset of the input row read by kernel row 1
     * @param i2 offset of the input row read by kernel row 2
     * @param out output tensor
     * @param ob offset of the output row
     * @param wBase offset of the 3x3 kernel slice in the weights
     */
    private void rows3x3(final double[] in, final int i0, final int i1, final int i2, final double[] out,
                         final int ob, final int wBase) {
        final double w00 = weights[wBase];
        final double w01 = weights[wBase + 1];
        final double w02 = weights[wBase + 2];
        final double w10 = weights[wBase + 3];
        final double w11 = weights[wBase + 4];
        final double w12 = weights[wBase + 5];
        final double w20 = weights[wBase + 6];
        final double w21 = weights[wBase + 7];
        final double w22 = weights[wBase + 8];
        for (int x = interiorLo; x < interiorHi; x++) {
            final int j0 = i0 + x;
            final int j1 = i1 + x;
            final int j2 = i2 + x;
            out[ob + x] += (w00 * in[j0 - 1] + w01 * in[j0] + w02 * in[j0 + 1])
                           + (w10 * in[j1 - 1] + w11 * in[j1] + w12 * in[j1 + 1])
                           + (w20 * in[j2 - 1] + w21 * in[j2] + w22 * in[j2 + 1]);
        }
        for (int x = 0; x < interiorLo; x++) {
            out[ob + x] += border(in, i0, wBase, x) + border(in, i1, wBase + 3, x) + border(in, i2, wBase + 6, x);
        }
        for (int x = interiorHi; x < width; x++) {
            out[ob + x] += border(in, i0, wBase, x) + border(in, i1, wBase + 3, x) + border(in, i2, wBase + 6, x);
        }
    }

    /**
     * Adds one kernel row (the taps along w) applied to one input row to one output row.
     * @param in input tensor
     * @param ib offset of the input row
     * @param out output tensor
     * @param ob offset of the output row
     * @param wBase offset of the kernel row in the weights
     */
    private void row(final double[] in, final int ib, final double[] out, final int ob, final int wBase) {
        final int lo = interiorLo;
        final int hi = interiorHi;
        if (kernel == 3) {
            final double w0 = weights[wBase];
            final double w1 = weights[wBase + 1];
            final double w2 = weights[wBase + 2];
            for (int x = lo; x < hi; x++) {
                final int j = ib + x;
                out[ob + x] += w0 * in[j - 1] + w1 * in[j] + w2 * in[j + 1];
            }
        } else {
            for (int c = 0; c < kernel; c++) {
                final double w = weights[wBase + c];
                final int j = ib + c - kernel / 2;
                for (int x = lo; x < hi; x++) {
                    out[ob + x] += w * in[j + x];
                }
            }
        }
        // borders: at most kernel/2 columns on each side, through the wrapped/zero index table
        for (int x = 0; x < lo; x++) {
            out[ob + x] += border(in, ib, wBase, x);
        }
        for (int x = hi; x < width; x++) {
            out[ob + x] += border(in, ib, wBase, x);
        }
    }

    /**
     * Sums the taps of one kernel row for one border column.
     * @param in input tensor
     * @param ib offset of the input row
     * @param wBase offset of the kernel row in the weights
     * @param x output column
     * @return the sum of the taps
     */
    private double border(final double[] in, final int ib, final int wBase, final int x) {
        double s = 0;
        for (int c = 0; c < kernel; c++) {
            final int q = sourceW[c][x];
            if (q >= 0) {
                s += weights[wBase + c] * in[ib + q];
            }
        }
        return s;
    }

    /**
     * Returns a short description, e.g. {@code Convolution(2-D, 48->48, k=3, CIRCULAR, 32x32)}.
     * @return the description
     */
    @Override
    public String toString() {
        final StringBuilder sb = new StringBuilder();
        sb.append("Convolution(").append(dims).append("-D, ").append(inChannels).append("->").append(outChannels)
          .append(", k=").append(kernel).append(", ").append(padding).append(", ");
        for (int k = 0; k < dims; k++) {
            sb.append(k == 0 ? "" : "x").append(shape[k]);
        }
        return sb.append(')').toString();
    }
}
