package org.deceptron.dipg.nn;

import java.util.Arrays;
import java.util.Objects;
import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalArgumentException;

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
 * Evaluation (see {@link ConvolutionEvaluator}) copies the input into rows padded along w, skips or wraps the
 * kernel rows that fall outside the domain along d and h, and accumulates several output channels per pass over
 * an input row.
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
     * @throws MathIllegalArgumentException on invalid dimensions, kernel or padding settings
     *         ({@link DipgFormats#NN_INVALID_PARAMETER}, {@link DipgFormats#NN_SHAPE_LENGTH}), wrong array lengths
     *         ({@link DipgFormats#NN_PARAMETER_COUNT}), non-finite values ({@link DipgFormats#NN_NOT_FINITE}), or
     *         when the input or output size, the weight count or the evaluation buffers would exceed
     *         {@link Layer#MAX_SIZE} ({@link DipgFormats#NN_SIZE_TOO_LARGE}; computed without overflow)
     */
    public Convolution(final int dims, final int inChannels, final int outChannels, final int kernel,
                       final Padding padding, final int[] spatialShape, final double[] weights,
                       final double[] bias) {
        if (dims < 1 || dims > 3) {
            throw new MathIllegalArgumentException(DipgFormats.NN_INVALID_PARAMETER, "Convolution dims", "1, 2 or 3",
                                                   dims);
        }
        if (inChannels <= 0 || outChannels <= 0) {
            throw new MathIllegalArgumentException(DipgFormats.NN_INVALID_PARAMETER, "Convolution channels",
                                                   "positive", "in=" + inChannels + ", out=" + outChannels);
        }
        if (kernel <= 0 || kernel % 2 == 0) {
            throw new MathIllegalArgumentException(DipgFormats.NN_INVALID_PARAMETER, "Convolution kernel",
                                                   "odd and positive", kernel);
        }
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(spatialShape, "spatialShape");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(bias, "bias");
        if (spatialShape.length != dims) {
            throw new MathIllegalArgumentException(DipgFormats.NN_SHAPE_LENGTH, "Convolution " + dims + "-D", dims,
                                                   Arrays.toString(spatialShape));
        }
        for (final int s : spatialShape) {
            if (s <= 0) {
                throw new MathIllegalArgumentException(DipgFormats.NN_INVALID_PARAMETER,
                                                       "Convolution spatial shape", "positive",
                                                       Arrays.toString(spatialShape));
            }
        }
        final String name = describe(dims, inChannels, outChannels, kernel, padding, spatialShape);
        final long[] inFactors = new long[dims + 1];
        final long[] outFactors = new long[dims + 1];
        final long[] weightFactors = new long[dims + 2];
        inFactors[0] = inChannels;
        outFactors[0] = outChannels;
        weightFactors[0] = outChannels;
        weightFactors[1] = inChannels;
        for (int k = 0; k < dims; k++) {
            inFactors[k + 1] = spatialShape[k];
            outFactors[k + 1] = spatialShape[k];
            weightFactors[k + 2] = kernel;
        }
        // every product is checked against MAX_SIZE before it is formed: none can wrap
        NnChecks.checkedSize(name + " input size", inFactors);
        NnChecks.checkedSize(name + " output size", outFactors);
        final int expectedWeights = NnChecks.checkedSize(name + " weight count", weightFactors);
        if (weights.length != expectedWeights) {
            throw new MathIllegalArgumentException(DipgFormats.NN_PARAMETER_COUNT, "Convolution " + dims + "-D "
                                                   + inChannels + "->" + outChannels + " kernel " + kernel,
                                                   expectedWeights, "weights [out][in]" + "[k]".repeat(dims),
                                                   weights.length);
        }
        if (bias.length != outChannels) {
            throw new MathIllegalArgumentException(DipgFormats.NN_PARAMETER_COUNT, "Convolution", outChannels,
                                                   "biases", bias.length);
        }
        // the evaluator pads every row by kernel/2 columns on each side: channels * D*H * (W + 2*(kernel/2))
        final long rows = dims == 3 ? (long) spatialShape[0] * spatialShape[1] : dims == 2 ? spatialShape[0] : 1;
        final long pitch = (long) spatialShape[dims - 1] + 2 * (kernel / 2);
        NnChecks.checkedSize(name + " evaluation buffer", Math.max(inChannels, outChannels), rows, pitch);
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
        this.plane = depth * height * width;
    }

    /**
     * Builds the list of (input row, kernel row) pairs read by every output row: per output row {@code d*H + h},
     * pairs {@code (input row, kernel row)} of the rows it reads, the input row being {@code sd*H + sh} within a
     * channel and the kernel row {@code a*kernelH + b}; rows outside the domain are left out (zero padding) or
     * wrapped (circular padding). Built for every evaluator (not by the constructor), so that a layer costs no
     * more than its parameters until it is evaluated.
     * @param kernelD kernel extent along depth (1 below 3-D)
     * @param kernelH kernel extent along height (1 in 1-D)
     * @param padding padding mode
     * @return per output row {@code d*H + h}, the pairs {@code (sd*H + sh, a*kernelH + b)} of the taps in range
     */
    private int[][] rowTaps(final int kernelD, final int kernelH, final Padding padding) {
        final int[][] sourceD = sourceTable(kernelD, depth, padding);
        final int[][] sourceH = sourceTable(kernelH, height, padding);
        final int[][] table = new int[depth * height][];
        final int[] pairs = new int[2 * kernelD * kernelH];
        for (int d = 0; d < depth; d++) {
            for (int h = 0; h < height; h++) {
                int n = 0;
                for (int a = 0; a < kernelD; a++) {
                    for (int b = 0; b < kernelH; b++) {
                        final int sd = sourceD[a][d];
                        final int sh = sourceH[b][h];
                        if (sd >= 0 && sh >= 0) {
                            pairs[n++] = sd * height + sh;
                            pairs[n++] = a * kernelH + b;
                        }
                    }
                }
                table[d * height + h] = Arrays.copyOf(pairs, n);
            }
        }
        return table;
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
        return new ConvolutionEvaluator(inChannels, outChannels, kernel, weights.length / (outChannels * inChannels),
                                        width, plane, padding == Padding.CIRCULAR, weights, bias,
                                        rowTaps(kernelDepth(), kernelHeight(), padding));
    }

    /**
     * Returns the kernel extent along depth.
     * @return the kernel in 3-D, else 1
     */
    private int kernelDepth() {
        return dims == 3 ? kernel : 1;
    }

    /**
     * Returns the kernel extent along height.
     * @return the kernel in 2-D and 3-D, else 1
     */
    private int kernelHeight() {
        return dims >= 2 ? kernel : 1;
    }

    /**
     * {@inheritDoc}
     * <p>
     * The evaluator of a convolution holds the padded input rows and their tangent ({@code inChannels * D*H *
     * (W + 2*(kernel/2))} each), the accumulator ({@code outChannels} times the same) and the per-row tap tables
     * (at most {@code 2 * kernelD * kernelH} ints per row, kept twice while they are built, the kernel extents
     * being capped by the domain under zero padding).
     * </p>
     */
    @Override
    long evaluatorMemory(final int inputSize) {
        outputSize(inputSize);
        final long rows = (long) depth * height;
        final long pitch = (long) width + 2 * (kernel / 2);
        final long rowDoubles = Math.multiplyExact(rows, pitch);
        final long buffers = Math.multiplyExact(rowDoubles, Math.addExact(2L * inChannels, outChannels));
        final boolean circular = padding == Padding.CIRCULAR;
        final long tapsD = circular ? kernelDepth() : Math.min(kernelDepth(), depth);
        final long tapsH = circular ? kernelHeight() : Math.min(kernelHeight(), height);
        final long pairInts = Math.multiplyExact(2L, Math.multiplyExact(tapsD, tapsH));
        // per row: the pairs (built, then scaled into a copy), run bookkeeping; once: the source tables
        long ints = Math.multiplyExact(rows, Math.addExact(Math.multiplyExact(2L, pairInts), 4));
        ints = Math.addExact(ints, Math.multiplyExact((long) kernelDepth(), depth));
        ints = Math.addExact(ints, Math.multiplyExact((long) kernelHeight(), height));
        ints = Math.addExact(ints, Math.multiplyExact(2L, pairInts));
        // two int[] per row (headers of two doubles) and two tables of references (one double each, at most);
        // the headers of the source tables' rows and of the other dozen arrays
        final long overhead = Math.addExact(Math.multiplyExact(rows, 6L),
                                            2L * (kernelDepth() + kernelHeight() + 12));
        return Math.addExact(Math.addExact(buffers, ints / 2 + 1), overhead);
    }

    /**
     * Returns a short description, e.g. {@code Convolution(2-D, 48->48, k=3, CIRCULAR, 32x32)}.
     * @return the description
     */
    @Override
    public String toString() {
        return describe(dims, inChannels, outChannels, kernel, padding, shape);
    }

    /**
     * Describes a convolution, e.g. {@code Convolution(2-D, 48->48, k=3, CIRCULAR, 32x32)}.
     * @param dims number of spatial dimensions
     * @param inChannels input channels
     * @param outChannels output channels
     * @param kernel kernel extent
     * @param padding padding mode
     * @param shape spatial shape
     * @return the description
     */
    private static String describe(final int dims, final int inChannels, final int outChannels, final int kernel,
                                   final Padding padding, final int[] shape) {
        final StringBuilder sb = new StringBuilder();
        sb.append("Convolution(").append(dims).append("-D, ").append(inChannels).append("->").append(outChannels)
          .append(", k=").append(kernel).append(", ").append(padding).append(", ");
        for (int k = 0; k < dims; k++) {
            sb.append(k == 0 ? "" : "x").append(shape[k]);
        }
        return sb.append(')').toString();
    }
}
