package org.deceptron.dipg.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.deceptron.dipg.nn.Dense;
import org.deceptron.dipg.nn.LeakyRelu;
import org.deceptron.dipg.nn.Network;
import org.junit.jupiter.api.Test;

/** Layers whose weights are exactly floats (single-precision training) are stored as float32, losslessly. */
class FloatWeightsTest {

    private static Network mlp(final int n, final boolean floatExact, final long seed) {
        final java.util.Random rng = new java.util.Random(seed);
        final double[] w1 = new double[8 * n];
        final double[] w2 = new double[n * 8];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = floatExact ? (float) rng.nextGaussian() : rng.nextGaussian();
            w2[i] = floatExact ? (float) rng.nextGaussian() : rng.nextGaussian();
        }
        return new Network(List.of(new Dense(n, 8, w1, new double[8]), new LeakyRelu(0.1),
                new Dense(8, n, w2, new double[n])));
    }

    private static DeceptronModel model(final boolean floatExact) {
        return new DeceptronModel("m", "fam", "fp", mlp(6, floatExact, 1), mlp(6, floatExact, 2),
                Normalization.of(0.5, 2.0, 6), Normalization.of(-1.0, 3.0, 6), TrainingRecord.empty());
    }

    private static byte[] bytes(final DeceptronModel m) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelFile.write(m, out);
        return out.toByteArray();
    }

    @Test
    void floatExactWeightsRoundTripBitForBitInAboutHalfTheSpace() throws IOException {
        final byte[] single = bytes(model(true));
        final byte[] full = bytes(model(false));
        assertThat(single.length).isLessThan(full.length - 4 * 2 * 2 * 48);
        final DeceptronModel back = ModelFile.read(new ByteArrayInputStream(single));
        final double[] x = {0.1, -0.2, 0.3, 0.4, -0.5, 0.6};
        final double[] a = new double[6];
        final double[] b = new double[6];
        model(true).reverseNetwork().newEvaluator().forward(x, a);
        back.reverseNetwork().newEvaluator().forward(x, b);
        assertThat(b).containsExactly(a);
        assertThat(((Dense) back.forwardNetwork().layers().get(0)).weights())
                .containsExactly(((Dense) model(true).forwardNetwork().layers().get(0)).weights());
    }

    @Test
    void weightsThatAreNotFloatsStayDoubles() throws IOException {
        final DeceptronModel back = ModelFile.read(new ByteArrayInputStream(bytes(model(false))));
        assertThat(((Dense) back.reverseNetwork().layers().get(2)).weights())
                .containsExactly(((Dense) model(false).reverseNetwork().layers().get(2)).weights());
    }
}
