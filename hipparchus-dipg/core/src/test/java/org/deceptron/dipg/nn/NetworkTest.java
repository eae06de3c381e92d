package org.deceptron.dipg.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NetworkTest {

    /** A 2-D convolutional residual network like the trainer's, on a 6x5 grid with 2 input channels. */
    static Network convResidual2d(final Random random, final Padding padding) {
        return NnTestSupport.network(
            new Reshape(2 * 6 * 5),
            NnTestSupport.conv(random, 2, 2, 4, 3, padding, 6, 5),
            new LeakyRelu(0.1),
            new ResidualBlock(List.of(NnTestSupport.conv(random, 2, 4, 4, 3, padding, 6, 5),
                                      new LeakyRelu(0.1),
                                      NnTestSupport.conv(random, 2, 4, 4, 3, padding, 6, 5)),
                              new LeakyRelu(0.1)),
            NnTestSupport.conv(random, 2, 4, 1, 1, padding, 6, 5),
            new Reshape(30),
            NnTestSupport.dense(random, 30, 3),
            new Tanh());
    }

    /** A 3-D convolutional residual network on a 3x4x5 grid. */
    static Network convResidual3d(final Random random, final Padding padding) {
        return NnTestSupport.network(
            NnTestSupport.conv(random, 3, 1, 3, 3, padding, 3, 4, 5),
            new Tanh(),
            new ResidualBlock(List.of(NnTestSupport.conv(random, 3, 3, 3, 3, padding, 3, 4, 5),
                                      new Tanh(),
                                      NnTestSupport.conv(random, 3, 3, 3, 3, padding, 3, 4, 5)),
                              null),
            NnTestSupport.conv(random, 3, 3, 2, 1, padding, 3, 4, 5));
    }

    static Network mlp(final Random random, final int in, final int hidden, final int out) {
        return NnTestSupport.network(NnTestSupport.dense(random, in, hidden), new LeakyRelu(0.01),
                                     NnTestSupport.dense(random, hidden, out));
    }

    @Test
    void mlpForwardComposesItsLayers() {
        final Random random = new Random(11);
        final Dense first = NnTestSupport.dense(random, 4, 6);
        final Dense second = NnTestSupport.dense(random, 6, 2);
        final double[] x = NnTestSupport.random(random, 4, 1);
        final double[] hidden = NnTestSupport.forward(NnTestSupport.network(first), x);
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = hidden[i] > 0 ? hidden[i] : 0.01 * hidden[i];
        }
        final double[] expected = NnTestSupport.forward(NnTestSupport.network(second), hidden);
        final Network net = NnTestSupport.network(first, new LeakyRelu(0.01), second);
        assertThat(NnTestSupport.forward(net, x)).containsExactly(expected);
        assertThat(net.inputSize()).isEqualTo(4);
        assertThat(net.outputSize()).isEqualTo(2);
    }

    @Test
    void mlpJvpMatchesFiniteDifferences() {
        final Random random = new Random(12);
        NnTestSupport.assertJvpMatchesFiniteDifferences(mlp(random, 64, 128, 64), random);
        NnTestSupport.assertJvpMatchesFiniteDifferences(
            NnTestSupport.network(NnTestSupport.dense(random, 6, 16), new LeakyRelu(0.1),
                                  NnTestSupport.dense(random, 16, 12), new Tanh(), NnTestSupport.dense(random, 12, 5)),
            random);
    }

    @ParameterizedTest
    @EnumSource(Padding.class)
    void convResidual2dJvpMatchesFiniteDifferences(final Padding padding) {
        final Random random = new Random(13);
        final Network net = convResidual2d(random, padding);
        assertThat(net.inputSize()).isEqualTo(60);
        assertThat(net.outputSize()).isEqualTo(3);
        NnTestSupport.assertJvpMatchesFiniteDifferences(net, random);
    }

    @ParameterizedTest
    @EnumSource(Padding.class)
    void convResidual3dJvpMatchesFiniteDifferences(final Padding padding) {
        final Random random = new Random(14);
        final Network net = convResidual3d(random, padding);
        assertThat(net.inputSize()).isEqualTo(60);
        assertThat(net.outputSize()).isEqualTo(120);
        NnTestSupport.assertJvpMatchesFiniteDifferences(net, random);
    }

    @Test
    void inputSizeComesFromTheFirstLayerWithAFixedSize() {
        final Network net = NnTestSupport.network(new Tanh(), new LeakyRelu(0.2), new Dense(3, 1, new double[3],
                                                                                          new double[1]));
        assertThat(net.inputSize()).isEqualTo(3);
        assertThat(net.outputSize()).isEqualTo(1);
        assertThatThrownBy(() -> NnTestSupport.network(new Tanh(), new LeakyRelu(0.2)))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("start it with a Reshape(size)");
    }

    @Test
    void rejectsMismatchedConsecutiveSizesNamingTheLayer() {
        final Random random = new Random(15);
        assertThatThrownBy(() -> NnTestSupport.network(NnTestSupport.dense(random, 4, 8), new LeakyRelu(0.1),
                                                       NnTestSupport.dense(random, 7, 2)))
            .isInstanceOf(MathIllegalArgumentException.class)
            .hasMessage("network: layer 2 (Dense(7->2)) expects input size 7 but layer 1 (LeakyRelu(0.1)) "
                        + "outputs 8");
        assertThatThrownBy(() -> NnTestSupport.network(new Reshape(10),
                                                       NnTestSupport.conv(random, 2, 2, 1, 3, Padding.ZERO, 2, 3)))
            .isInstanceOf(MathIllegalArgumentException.class)
            .hasMessageContaining("layer 1 (Convolution(2-D, 2->1, k=3, ZERO, 2x3)) expects input size 12 but "
                                  + "layer 0 (Reshape(10)) outputs 10");
    }

    @Test
    void rejectsEmptyAndNullLayerLists() {
        assertThatThrownBy(() -> new Network(List.of())).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessageContaining("at least one layer");
        assertThatThrownBy(() -> new Network(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Network(Arrays.asList(new Reshape(2), null)))
            .isInstanceOf(NullPointerException.class).hasMessageContaining("layer 1 is null");
    }

    @Test
    void layersAreAnUnmodifiableCopy() {
        final List<Layer> layers = new ArrayList<>(List.of(new Reshape(2), new Tanh()));
        final Network net = new Network(layers);
        layers.add(new Tanh());
        assertThat(net.layers()).hasSize(2);
        assertThatThrownBy(() -> net.layers().add(new Tanh())).isInstanceOf(UnsupportedOperationException.class);
        assertThat(net).hasToString("Network(2->2)[Reshape(2), Tanh]");
    }
}
