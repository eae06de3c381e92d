package org.deceptron.dipg.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

/** Helpers for the network tests: random data, finite differences, a naive convolution. */
final class NnTestSupport {

    /** Finite-difference step. */
    static final double FD_STEP = 1.0e-6;

    /** Tolerated relative error of a JVP against central differences. */
    static final double FD_TOLERANCE = 1.0e-6;

    private NnTestSupport() {
    }

    static double[] random(final Random random, final int n, final double scale) {
        final double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * (2 * random.nextDouble() - 1);
        }
        return v;
    }

    static Dense dense(final Random random, final int in, final int out) {
        return new Dense(in, out, random(random, in * out, 1.5 / Math.sqrt(in)), random(random, out, 0.3));
    }

    static Convolution conv(final Random random, final int dims, final int in, final int out, final int kernel,
                            final Padding padding, final int... shape) {
        int taps = 1;
        for (int k = 0; k < dims; k++) {
            taps *= kernel;
        }
        return new Convolution(dims, in, out, kernel, padding, shape,
                               random(random, out * in * taps, 1.5 / Math.sqrt(in * taps)),
                               random(random, out, 0.3));
    }

    static Network network(final Layer... layers) {
        return new Network(List.of(layers));
    }

    static double[] forward(final Network network, final double[] x) {
        final double[] y = new double[network.outputSize()];
        network.newEvaluator().forward(x, y);
        return y;
    }

    /** Central finite difference of the network at x along t. */
    static double[] finiteDifference(final Network network, final double[] x, final double[] t) {
        final NetworkEvaluator evaluator = network.newEvaluator();
        final double[] plus = new double[x.length];
        final double[] minus = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            plus[i] = x[i] + FD_STEP * t[i];
            minus[i] = x[i] - FD_STEP * t[i];
        }
        final double[] yPlus = new double[network.outputSize()];
        final double[] yMinus = new double[network.outputSize()];
        evaluator.forward(plus, yPlus);
        evaluator.forward(minus, yMinus);
        final double[] d = new double[yPlus.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (yPlus[i] - yMinus[i]) / (2 * FD_STEP);
        }
        return d;
    }

    static double relativeError(final double[] actual, final double[] expected) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < actual.length; i++) {
            num += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            den += expected[i] * expected[i];
        }
        return Math.sqrt(num) / Math.max(Math.sqrt(den), 1.0e-300);
    }

    /**
     * Checks at a random point and direction that the JVP matches central differences and that the value of
     * jvp equals forward exactly.
     */
    static void assertJvpMatchesFiniteDifferences(final Network network, final Random random) {
        final double[] x = random(random, network.inputSize(), 1.0);
        final double[] t = random(random, network.inputSize(), 1.0);
        final double[] y = new double[network.outputSize()];
        final double[] ty = new double[network.outputSize()];
        network.newEvaluator().jvp(x, t, y, ty);
        assertThat(y).containsExactly(forward(network, x));
        assertThat(relativeError(ty, finiteDifference(network, x, t)))
            .as("JVP vs central differences for %s", network)
            .isLessThanOrEqualTo(FD_TOLERANCE);
    }

    /** Naive reference convolution written directly from the documented formula and layouts. */
    static double[] naiveConvolution(final Convolution conv, final double[] x) {
        final int dims = conv.dims();
        final int[] shape = conv.spatialShape();
        final int depth = dims == 3 ? shape[0] : 1;
        final int height = dims >= 2 ? shape[dims - 2] : 1;
        final int width = shape[dims - 1];
        final int k = conv.kernel();
        final int r = k / 2;
        final int ci = conv.inChannels();
        final double[] w = conv.weights();
        final double[] b = conv.bias();
        final double[] y = new double[conv.outChannels() * depth * height * width];
        for (int o = 0; o < conv.outChannels(); o++) {
            for (int d = 0; d < depth; d++) {
                for (int h = 0; h < height; h++) {
                    for (int p = 0; p < width; p++) {
                        double s = b[o];
                        for (int i = 0; i < ci; i++) {
                            for (int a = 0; a < (dims == 3 ? k : 1); a++) {
                                for (int bb = 0; bb < (dims >= 2 ? k : 1); bb++) {
                                    for (int c = 0; c < k; c++) {
                                        final double weight;
                                        final int sd;
                                        final int sh;
                                        if (dims == 3) {
                                            weight = w[(((o * ci + i) * k + a) * k + bb) * k + c];
                                            sd = d + a - r;
                                            sh = h + bb - r;
                                        } else if (dims == 2) {
                                            weight = w[((o * ci + i) * k + bb) * k + c];
                                            sd = d;
                                            sh = h + bb - r;
                                        } else {
                                            weight = w[(o * ci + i) * k + c];
                                            sd = d;
                                            sh = h;
                                        }
                                        final int sw = p + c - r;
                                        final double v = read(conv.padding(), x, i, sd, sh, sw,
                                                              depth, height, width);
                                        s += weight * v;
                                    }
                                }
                            }
                        }
                        y[((o * depth + d) * height + h) * width + p] = s;
                    }
                }
            }
        }
        return y;
    }

    private static double read(final Padding padding, final double[] x, final int c, final int d, final int h,
                               final int w, final int depth, final int height, final int width) {
        if (padding == Padding.CIRCULAR) {
            return x[((c * depth + Math.floorMod(d, depth)) * height + Math.floorMod(h, height)) * width
                     + Math.floorMod(w, width)];
        }
        if (d < 0 || d >= depth || h < 0 || h >= height || w < 0 || w >= width) {
            return 0;
        }
        return x[((c * depth + d) * height + h) * width + w];
    }
}
