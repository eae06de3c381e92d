package org.deceptron.dipg.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.Stream;
import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ConvolutionTest {

    static Stream<Arguments> configurations() {
        final Stream.Builder<Arguments> b = Stream.builder();
        for (final Padding padding : Padding.values()) {
            for (final int kernel : new int[] {1, 3, 5}) {
                b.add(Arguments.of(1, kernel, padding, new int[] {7}));
                b.add(Arguments.of(1, kernel, padding, new int[] {2}));
                b.add(Arguments.of(2, kernel, padding, new int[] {5, 6}));
                b.add(Arguments.of(2, kernel, padding, new int[] {1, 3}));
                b.add(Arguments.of(3, kernel, padding, new int[] {3, 4, 5}));
                b.add(Arguments.of(3, kernel, padding, new int[] {2, 1, 6}));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}-D k={1} {2} {3}")
    @MethodSource("configurations")
    void forwardMatchesNaiveReference(final int dims, final int kernel, final Padding padding, final int[] shape) {
        final Random random = new Random(dims * 100 + kernel * 10 + padding.ordinal());
        final Convolution conv = NnTestSupport.conv(random, dims, 2, 3, kernel, padding, shape);
        final double[] x = NnTestSupport.random(random, conv.inputSize(), 1);
        final double[] y = NnTestSupport.forward(NnTestSupport.network(conv), x);
        assertThat(NnTestSupport.relativeError(y, NnTestSupport.naiveConvolution(conv, x))).isLessThan(1e-14);
    }

    @ParameterizedTest(name = "{0}-D k={1} {2} {3}")
    @MethodSource("configurations")
    void jvpMatchesFiniteDifferences(final int dims, final int kernel, final Padding padding, final int[] shape) {
        final Random random = new Random(7 + dims * 100 + kernel * 10 + padding.ordinal());
        final Convolution conv = NnTestSupport.conv(random, dims, 2, 3, kernel, padding, shape);
        NnTestSupport.assertJvpMatchesFiniteDifferences(NnTestSupport.network(conv), random);
        // the tangent is the bias-free convolution of the tangent
        final double[] x = NnTestSupport.random(random, conv.inputSize(), 1);
        final double[] t = NnTestSupport.random(random, conv.inputSize(), 1);
        final double[] y = new double[conv.outputSize()];
        final double[] ty = new double[conv.outputSize()];
        NnTestSupport.network(conv).newEvaluator().jvp(x, t, y, ty);
        final Convolution noBias = new Convolution(dims, 2, 3, kernel, padding, shape, conv.weights(),
                                                   new double[3]);
        assertThat(NnTestSupport.relativeError(ty, NnTestSupport.naiveConvolution(noBias, t))).isLessThan(1e-14);
    }

    @Test
    void isACrossCorrelationWithTheDocumentedPadding() {
        // out(p) = 1 * in(p - 1) + 10 * in(p) + 100 * in(p + 1)
        final double[] w = {1, 10, 100};
        final double[] in = {1, 2, 3};
        final Convolution zero = new Convolution(1, 1, 1, 3, Padding.ZERO, new int[] {3}, w, new double[] {0});
        final Convolution circular = new Convolution(1, 1, 1, 3, Padding.CIRCULAR, new int[] {3}, w,
                                                     new double[] {0.5});
        assertThat(NnTestSupport.forward(NnTestSupport.network(zero), in)).containsExactly(210, 321, 32);
        assertThat(NnTestSupport.forward(NnTestSupport.network(circular), in)).containsExactly(213.5, 321.5, 132.5);
    }

    @Test
    void twoDimensionalWeightLayoutIsOutInKhKw() {
        // one input channel, two output channels, 3x3 kernel; output channel 1 picks in(h - 1, w + 1)
        final double[] w = new double[2 * 9];
        w[9 + 0 * 3 + 2] = 1;
        final Convolution conv = new Convolution(2, 1, 2, 3, Padding.CIRCULAR, new int[] {3, 4}, w,
                                                 new double[] {0, 0});
        final double[] in = new double[12];
        for (int i = 0; i < in.length; i++) {
            in[i] = i;
        }
        final double[] out = NnTestSupport.forward(NnTestSupport.network(conv), in);
        for (int h = 0; h < 3; h++) {
            for (int x = 0; x < 4; x++) {
                assertThat(out[h * 4 + x]).isZero();
                assertThat(out[12 + h * 4 + x]).isEqualTo(in[Math.floorMod(h - 1, 3) * 4 + (x + 1) % 4]);
            }
        }
    }

    @Test
    void exposesItsConfiguration() {
        final Convolution conv = NnTestSupport.conv(new Random(8), 2, 2, 4, 3, Padding.ZERO, 5, 6);
        assertThat(conv.dims()).isEqualTo(2);
        assertThat(conv.inChannels()).isEqualTo(2);
        assertThat(conv.outChannels()).isEqualTo(4);
        assertThat(conv.kernel()).isEqualTo(3);
        assertThat(conv.padding()).isEqualTo(Padding.ZERO);
        assertThat(conv.spatialShape()).containsExactly(5, 6);
        assertThat(conv.inputSize()).isEqualTo(60);
        assertThat(conv.outputSize()).isEqualTo(120);
        assertThat(conv.outputSize(60)).isEqualTo(120);
        assertThat(conv.weights()).hasSize(4 * 2 * 9);
        assertThat(conv).hasToString("Convolution(2-D, 2->4, k=3, ZERO, 5x6)");
    }

    @Test
    void rejectsInvalidArguments() {
        final int[] shape = {4, 4};
        assertThatThrownBy(() -> new Convolution(4, 1, 1, 3, Padding.ZERO, shape, new double[9], new double[1]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("dims must be 1, 2 or 3, got 4");
        assertThatThrownBy(() -> new Convolution(2, 1, 1, 2, Padding.ZERO, shape, new double[4], new double[1]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("odd and positive, got 2");
        assertThatThrownBy(() -> new Convolution(2, 0, 1, 3, Padding.ZERO, shape, new double[0], new double[1]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("channels must be positive");
        assertThatThrownBy(() -> new Convolution(2, 1, 1, 3, Padding.ZERO, new int[] {4}, new double[9],
                                                 new double[1]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("spatial shape of 2 entries");
        assertThatThrownBy(() -> new Convolution(2, 1, 1, 3, Padding.ZERO, new int[] {4, 0}, new double[9],
                                                 new double[1]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> new Convolution(2, 2, 3, 3, Padding.ZERO, shape, new double[53], new double[3]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("needs 54 weights")
            .hasMessageContaining("got 53");
        assertThatThrownBy(() -> new Convolution(2, 2, 3, 3, Padding.ZERO, shape, new double[54], new double[2]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("needs 3 biases, got 2");
        assertThatThrownBy(() -> new Convolution(2, 1, 1, 3, null, shape, new double[9], new double[1]))
            .isInstanceOf(NullPointerException.class).hasMessageContaining("padding");
        assertThatThrownBy(() -> new Convolution(1, 1, 1, 1, Padding.ZERO, new int[] {1},
                                                 new double[] {Double.POSITIVE_INFINITY}, new double[1]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("not finite");
    }

    @Test
    void refusesSizesAboveTheLimitWithoutOverflow() {
        final double[] one = {0.5};
        final double[] bias = {0};
        // 2^28 x 2^28 points: above the limit, computed without wrapping
        assertThatThrownBy(() -> new Convolution(2, 1, 1, 1, Padding.ZERO, new int[] {1 << 28, 1 << 28}, one, bias))
            .isInstanceOf(MathIllegalArgumentException.class)
            .satisfies(e -> assertThat(((MathIllegalArgumentException) e).getSpecifier())
                .isEqualTo(DipgFormats.NN_SIZE_TOO_LARGE))
            .hasMessageStartingWith("Convolution(2-D, 1->1, k=1, ZERO, 268435456x268435456) input size is too large: "
                                    + "1 x 268435456 x 268435456 exceeds the limit of");
        // 2^22 x 2^22 x 2^20 = 2^64 points: a long product wraps to 0 (and D*H in an int too)
        assertThatThrownBy(() -> new Convolution(3, 1, 1, 1, Padding.CIRCULAR, new int[] {1 << 22, 1 << 22, 1 << 20},
                                                 one, bias))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("input size is too large");
        // the output channels count
        assertThatThrownBy(() -> new Convolution(1, 1, 1 << 16, 1, Padding.ZERO, new int[] {1 << 16},
                                                 new double[1 << 16], new double[1 << 16]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("output size is too large");
        // the weight count: 2^11 x 2^11 x 1025^2 > 2^31, before comparing with the array length
        assertThatThrownBy(() -> new Convolution(2, 1 << 11, 1 << 11, 1025, Padding.ZERO, new int[] {1, 1}, one,
                                                 bias))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("weight count is too large");
        // padded rows: 2^30 rows of 1 + 2 columns
        assertThatThrownBy(() -> new Convolution(2, 1, 1, 3, Padding.ZERO, new int[] {1 << 30, 1}, new double[9],
                                                 bias))
            .isInstanceOf(MathIllegalArgumentException.class)
            .hasMessageContaining("evaluation buffer is too large: 1 x 1073741824 x 3 exceeds the limit of");
    }

    @Test
    void aSizeMismatchNamesBothSizesAndItsSpecifier() {
        final Convolution conv = new Convolution(1, 2, 1, 1, Padding.ZERO, new int[] {3}, new double[2],
                                                 new double[1]);
        assertThatThrownBy(() -> conv.outputSize(5)).isInstanceOf(MathIllegalArgumentException.class)
            .satisfies(e -> assertThat(((MathIllegalArgumentException) e).getSpecifier())
                .isEqualTo(DipgFormats.NN_INPUT_SIZE))
            .hasMessage("Convolution(1-D, 2->1, k=1, ZERO, 3) expects input size 6, got 5");
    }
}
