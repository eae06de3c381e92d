package org.deceptron.dipg.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.deceptron.dipg.nn.Convolution;
import org.deceptron.dipg.nn.Dense;
import org.deceptron.dipg.nn.Layer;
import org.deceptron.dipg.nn.LeakyRelu;
import org.deceptron.dipg.nn.Network;
import org.deceptron.dipg.nn.Padding;
import org.deceptron.dipg.nn.Reshape;
import org.deceptron.dipg.nn.ResidualBlock;
import org.deceptron.dipg.nn.Tanh;

/** Deterministic models and raw model files for the tests. */
final class TestModels {

    static final String FAMILY = "test-family";

    static final String FINGERPRINT = "sha256:0123abcd";

    private TestModels() {
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

    static Convolution conv(final Random random, final int in, final int out, final int kernel,
                            final Padding padding) {
        return new Convolution(2, in, out, kernel, padding, new int[] {4, 5},
                               random(random, out * in * kernel * kernel, 1.2 / Math.sqrt(in * kernel * kernel)),
                               random(random, out, 0.3));
    }

    static Normalization normalization(final Random random, final int n) {
        final double[] mean = random(random, n, 5);
        final double[] std = new double[n];
        for (int i = 0; i < n; i++) {
            std[i] = 0.25 + 3 * random.nextDouble();
        }
        return new Normalization(mean, std);
    }

    static TrainingRecord record() {
        return TrainingRecord.builder().seed(42L).trainerVersion("0.1.0-test").dataSizes(2000, 200)
                             .stages(new TrainingRecord.Stage(30, 1.5e-3, 12.5),
                                     new TrainingRecord.Stage(20, 2.5e-3, 8.25),
                                     new TrainingRecord.Stage(10, Double.NaN, 4))
                             .rjcp(0.05, 0.4).totalSeconds(25).jcp(true).extra("lr.s1", "1e-3")
                             .extra("batch", "64").extra("note", "\u00e9t\u00e9 \u2211").build();
    }

    /** An MLP model, n = 3, m = 4. */
    static DeceptronModel tinyMlp() {
        final Random random = new Random(2024);
        final Network f = new Network(List.of(dense(random, 3, 8), new LeakyRelu(0.1), dense(random, 8, 4)));
        final Network g = new Network(List.of(dense(random, 4, 8), new Tanh(), dense(random, 8, 3)));
        return new DeceptronModel("tiny-mlp +JCP", FAMILY, FINGERPRINT, f, g, normalization(random, 3),
                                  normalization(random, 4), record());
    }

    /** A 2-D convolutional residual model on a 4x5 grid: x has 2 channels (n = 40), y one (m = 20). */
    static DeceptronModel convResidual(final Padding padding) {
        final Random random = new Random(7 + padding.ordinal());
        final Layer relu = new LeakyRelu(0.05);
        final Network f = new Network(List.of(
            conv(random, 2, 3, 3, padding), relu,
            new ResidualBlock(List.of(conv(random, 3, 3, 3, padding), relu, conv(random, 3, 3, 3, padding)), relu),
            conv(random, 3, 1, 1, padding)));
        final Network g = new Network(List.of(
            new Reshape(20), conv(random, 1, 3, 3, padding), new Tanh(),
            new ResidualBlock(List.of(conv(random, 3, 3, 3, padding), new Tanh(), conv(random, 3, 3, 3, padding)),
                              null),
            conv(random, 3, 2, 3, padding), new Reshape(40), dense(random, 40, 40)));
        return new DeceptronModel("conv-" + padding, FAMILY, FINGERPRINT, f, g, normalization(random, 40),
                                  normalization(random, 20), record().toBuilder().jcp(false).build());
    }

    static byte[] bytes(final DeceptronModel model) {
        try {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            ModelFile.write(model, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Frames an arbitrary body as a model file with valid header and checksums. */
    static byte[] frame(final byte[] body) {
        try {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            final DataOutputStream out = new DataOutputStream(bytes);
            out.write("DIPGMODL".getBytes(StandardCharsets.US_ASCII));
            out.writeInt(1);
            out.writeLong(body.length);
            final CRC32 headerCrc = new CRC32();
            headerCrc.update(bytes.toByteArray());
            out.writeInt((int) headerCrc.getValue());
            out.write(body);
            final CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the pieces of a hand-made body. */
    static final class Body {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        private final DataOutputStream out = new DataOutputStream(bytes);

        Body string(final String s) {
            final byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return ints(b.length).raw(b);
        }

        Body raw(final byte... b) {
            try {
                out.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Body ints(final int... values) {
            try {
                for (final int v : values) {
                    out.writeInt(v);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Body doubles(final double... values) {
            try {
                for (final double v : values) {
                    out.writeDouble(v);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** An empty training record (seed 0, no trainer version, NaNs, +JCP, no extras). */
        Body emptyRecord() {
            ints(0, 0).string("").ints(0, 0, 0, 0, 0);
            doubles(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN);
            return raw((byte) 1).ints(0);
        }

        /** An identity normalisation of length 1. */
        Body identityNormalization() {
            return ints(1).doubles(0, 1);
        }

        /** Header strings of a body. */
        Body header() {
            return string("hand-made").string(FAMILY).string(FINGERPRINT);
        }

        /** A one-layer Dense(1 -> 1) network. */
        Body identityNetwork() {
            return ints(1, 1, 1, 1).doubles(1, 0);
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
