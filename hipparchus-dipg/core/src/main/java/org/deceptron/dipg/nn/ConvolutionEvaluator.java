package org.deceptron.dipg.nn;

import java.util.Arrays;

/**
 * Evaluator of a {@link Convolution}, shared by 1-, 2- and 3-D.
 * <p>
 * Every call first copies each input row (a line along w) into a scratch buffer of rows padded by
 * {@code kernel/2} columns on each side (zeros, or the wrapped columns for circular padding), so that the kernel
 * never branches on the w boundary. Along d and h, the taps that fall outside the domain are simply skipped (zero
 * padding) or read the wrapped row (circular padding): for every output row the convolution owns the list of the
 * (input row, kernel row) pairs it reads. The hot loop applies one kernel row (the {@code kernel} taps along w) to
 * one padded input row and accumulates into four output channels at once, so that every input value loaded is
 * used {@code 4*kernel} times. Consecutive output rows that read consecutive input rows (all of them but the
 * rows near a zero or wrapped boundary) are processed as one long row: the accumulator has the padded row pitch,
 * the extra {@code 2*radius} columns between rows are computed and dropped when the result is copied out.
 * </p>
 * <p>
 * The value and the tangent of {@link #jvp} go through exactly the same code as {@link #forward}, so the value
 * of the JVP is bit-identical to the forward value.
 * </p>
 */
final class ConvolutionEvaluator implements LayerEvaluator {

    /** Output channels accumulated together by the hot loop. */
    private static final int BLOCK = 4;

    /** Input channels. */
    private final int inChannels;

    /** Output channels. */
    private final int outChannels;

    /** Kernel extent along w. */
    private final int kernel;

    /** Kernel half-width, the padding on each side of a row. */
    private final int radius;

    /** Taps per (output channel, input channel) pair, {@code kernel^dims}. */
    private final int taps;

    /** Rows per channel, D*H. */
    private final int rows;

    /** Row length W. */
    private final int width;

    /** Padded row length {@code W + 2*radius}. */
    private final int pitch;

    /** Spatial points per channel, D*H*W. */
    private final int plane;

    /** Whether the padding is circular (else zero). */
    private final boolean circular;

    /** Weights [out][in][kd][kh][kw], shared with the (immutable) layer. */
    private final double[] weights;

    /** Bias, shared with the (immutable) layer. */
    private final double[] bias;

    /**
     * Per output row: pairs {@code (input row * pitch, kernel row * kernel)} of the rows it reads, where the
     * input row is {@code d*H + h} within a channel and the kernel row is {@code a*kernelH + b}.
     */
    private final int[][] rowTaps;

    /** First output row of every run of output rows processed as one long row. */
    private final int[] runStart;

    /** Number of output rows of every run. */
    private final int[] runRows;

    /** Accumulator of the output, with the padded row pitch ({@code outChannels * rows * pitch}). */
    private final double[] accumulator;

    /** Padded rows of the input. */
    private final double[] padded;

    /** Padded rows of the input tangent. */
    private final double[] paddedTangent;

    /**
     * Creates an evaluator with its scratch buffers.
     * @param inChannels input channels
     * @param outChannels output channels
     * @param kernel kernel extent along every axis
     * @param taps {@code kernel^dims}
     * @param width row length W
     * @param plane spatial points per channel
     * @param circular whether the padding is circular
     * @param weights weights [out][in][kd][kh][kw] (not copied, never modified)
     * @param bias bias (not copied, never modified)
     * @param rowTaps per output row, pairs of (input row, kernel row) as documented on the field, before scaling
     */
    ConvolutionEvaluator(final int inChannels, final int outChannels, final int kernel, final int taps,
                         final int width, final int plane, final boolean circular, final double[] weights,
                         final double[] bias, final int[][] rowTaps) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.radius = kernel / 2;
        this.taps = taps;
        this.width = width;
        this.plane = plane;
        this.rows = plane / width;
        this.pitch = width + 2 * radius;
        this.circular = circular;
        this.weights = weights;
        this.bias = bias;
        this.rowTaps = new int[rowTaps.length][];
        for (int r = 0; r < rowTaps.length; r++) {
            final int[] scaled = rowTaps[r].clone();
            for (int j = 0; j < scaled.length; j += 2) {
                scaled[j] *= pitch;
                scaled[j + 1] *= kernel;
            }
            this.rowTaps[r] = scaled;
        }
        // runs are found on the unscaled pairs (the parameter), whose input rows count rows
        int runs = 0;
        final int[] start = new int[rows];
        final int[] count = new int[rows];
        for (int r = 0; r < rows; r++) {
            if (runs > 0 && continues(rowTaps[start[runs - 1]], rowTaps[r], r - start[runs - 1])) {
                count[runs - 1]++;
            } else {
                start[runs] = r;
                count[runs++] = 1;
            }
        }
        this.runStart = Arrays.copyOf(start, runs);
        this.runRows = Arrays.copyOf(count, runs);
        this.accumulator = new double[outChannels * rows * pitch];
        this.padded = new double[inChannels * rows * pitch];
        this.paddedTangent = new double[padded.length];
    }

    /**
     * Tells whether an output row reads the rows of a previous one shifted by a given number of rows.
     * @param first the (input row, kernel row) pairs of the previous row
     * @param next the pairs of the row
     * @param shift the distance between the two output rows
     * @return true when {@code next} is {@code first} with every input row moved by {@code shift}
     */
    private static boolean continues(final int[] first, final int[] next, final int shift) {
        if (first.length != next.length) {
            return false;
        }
        for (int j = 0; j < first.length; j += 2) {
            if (next[j] != first[j] + shift || next[j + 1] != first[j + 1]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void forward(final double[] in, final double[] out) {
        pad(in, padded);
        convolve(padded, out, true);
    }

    @Override
    public void jvp(final double[] in, final double[] tangentIn, final double[] out, final double[] tangentOut) {
        forward(in, out);
        pad(tangentIn, paddedTangent);
        convolve(paddedTangent, tangentOut, false);
    }

    /**
     * Copies every input row into the padded rows; the padding columns hold zeros (written once, at allocation)
     * or, for circular padding, the wrapped columns of the row.
     * @param in input tensor
     * @param dst padded rows
     */
    private void pad(final double[] in, final double[] dst) {
        final int n = inChannels * rows;
        for (int row = 0, src = 0, d = radius; row < n; row++, src += width, d += pitch) {
            System.arraycopy(in, src, dst, d, width);
        }
        if (circular && radius > 0) {
            for (int row = 0, src = 0, d = 0; row < n; row++, src += width, d += pitch) {
                for (int j = 0; j < radius; j++) {
                    dst[d + j] = in[src + Math.floorMod(j - radius, width)];
                    dst[d + radius + width + j] = in[src + j % width];
                }
            }
        }
    }

    /**
     * Computes the convolution of padded rows.
     * @param src padded rows of the input
     * @param out output tensor, overwritten
     * @param withBias whether to add the bias (value) or not (tangent)
     */
    private void convolve(final double[] src, final double[] out, final boolean withBias) {
        final double[] acc = accumulator;
        final int channelStride = rows * pitch;
        final int laneStride = inChannels * taps;
        for (int o0 = 0; o0 < outChannels; o0 += BLOCK) {
            final int lanes = Math.min(BLOCK, outChannels - o0);
            for (int lane = 0; lane < lanes; lane++) {
                final int start = (o0 + lane) * channelStride;
                Arrays.fill(acc, start, start + channelStride, withBias ? bias[o0 + lane] : 0.0);
            }
            for (int run = 0; run < runStart.length; run++) {
                final int ob = o0 * channelStride + runStart[run] * pitch;
                final int length = (runRows[run] - 1) * pitch + width;
                final int[] pairs = rowTaps[runStart[run]];
                for (int i = 0; i < inChannels; i++) {
                    final int ib = i * channelStride;
                    final int wb = (o0 * inChannels + i) * taps;
                    for (int j = 0; j < pairs.length; j += 2) {
                        final int in0 = ib + pairs[j];
                        final int w0 = wb + pairs[j + 1];
                        if (lanes < BLOCK) {
                            for (int lane = 0; lane < lanes; lane++) {
                                row(src, in0, acc, ob + lane * channelStride, w0 + lane * laneStride, length);
                            }
                        } else if (kernel == 3) {
                            rowBlock3(src, in0, acc, ob, w0, laneStride, length);
                        } else {
                            rowBlock(src, in0, acc, ob, w0, laneStride, length);
                        }
                    }
                }
            }
            for (int o = o0; o < o0 + lanes; o++) {
                for (int r = 0, a = o * channelStride, y = o * plane; r < rows; r++, a += pitch, y += width) {
                    System.arraycopy(acc, a, out, y, width);
                }
            }
        }
    }

    /**
     * Adds a 3-tap kernel row applied to one padded input row to four output rows (consecutive channels).
     * @param src padded rows
     * @param ib offset of the padded input row
     * @param out accumulator
     * @param ob offset of the first accumulator row; the others follow at multiples of the channel size
     * @param wb offset of the first channel's kernel row in the weights
     * @param ws distance between the kernel rows of consecutive output channels
     * @param length number of (pitched) positions to accumulate
     */
    private void rowBlock3(final double[] src, final int ib, final double[] out, final int ob, final int wb,
                           final int ws, final int length) {
        final double[] w = weights;
        final double a0 = w[wb];
        final double a1 = w[wb + 1];
        final double a2 = w[wb + 2];
        final double b0 = w[wb + ws];
        final double b1 = w[wb + ws + 1];
        final double b2 = w[wb + ws + 2];
        final double c0 = w[wb + 2 * ws];
        final double c1 = w[wb + 2 * ws + 1];
        final double c2 = w[wb + 2 * ws + 2];
        final double d0 = w[wb + 3 * ws];
        final double d1 = w[wb + 3 * ws + 1];
        final double d2 = w[wb + 3 * ws + 2];
        final int oa = ob;
        final int stride = rows * pitch;
        final int obb = ob + stride;
        final int oc = ob + 2 * stride;
        final int od = ob + 3 * stride;
        for (int x = 0; x < length; x++) {
            final double v0 = src[ib + x];
            final double v1 = src[ib + x + 1];
            final double v2 = src[ib + x + 2];
            out[oa + x] += a0 * v0 + a1 * v1 + a2 * v2;
            out[obb + x] += b0 * v0 + b1 * v1 + b2 * v2;
            out[oc + x] += c0 * v0 + c1 * v1 + c2 * v2;
            out[od + x] += d0 * v0 + d1 * v1 + d2 * v2;
        }
    }

    /**
     * Adds a kernel row of any length applied to one padded input row to four output rows, one tap at a time.
     * @param src padded rows
     * @param ib offset of the padded input row
     * @param out accumulator
     * @param ob offset of the first accumulator row; the others follow at multiples of the channel size
     * @param wb offset of the first channel's kernel row in the weights
     * @param ws distance between the kernel rows of consecutive output channels
     * @param length number of (pitched) positions to accumulate
     */
    private void rowBlock(final double[] src, final int ib, final double[] out, final int ob, final int wb,
                          final int ws, final int length) {
        final double[] w = weights;
        final int oa = ob;
        final int stride = rows * pitch;
        final int obb = ob + stride;
        final int oc = ob + 2 * stride;
        final int od = ob + 3 * stride;
        for (int c = 0; c < kernel; c++) {
            final double a = w[wb + c];
            final double b = w[wb + ws + c];
            final double cc = w[wb + 2 * ws + c];
            final double d = w[wb + 3 * ws + c];
            final int s = ib + c;
            for (int x = 0; x < length; x++) {
                final double v = src[s + x];
                out[oa + x] += a * v;
                out[obb + x] += b * v;
                out[oc + x] += cc * v;
                out[od + x] += d * v;
            }
        }
    }

    /**
     * Adds a kernel row applied to one padded input row to one accumulator row (the last, incomplete block).
     * @param src padded rows
     * @param ib offset of the padded input row
     * @param out accumulator
     * @param ob offset of the accumulator row
     * @param wb offset of the kernel row in the weights
     * @param length number of (pitched) positions to accumulate
     */
    private void row(final double[] src, final int ib, final double[] out, final int ob, final int wb,
                     final int length) {
        for (int c = 0; c < kernel; c++) {
            final double a = weights[wb + c];
            final int s = ib + c;
            for (int x = 0; x < length; x++) {
                out[ob + x] += a * src[s + x];
            }
        }
    }
}
