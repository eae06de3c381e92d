package org.deceptron.dipg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.assertj.core.api.AbstractThrowableAssert;
import org.deceptron.dipg.model.ModelFormatException.Reason;
import org.deceptron.dipg.nn.Padding;
import org.deceptron.dipg.spi.DeceptronSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelFileTest {

    private static DeceptronModel read(final byte[] bytes) throws IOException {
        return ModelFile.read(new ByteArrayInputStream(bytes));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(final byte[] bytes,
                                                                                 final Reason reason) {
        return assertThatThrownBy(() -> read(bytes)).isInstanceOf(ModelFormatException.class)
            .satisfies(e -> assertThat(((ModelFormatException) e).reason()).isEqualTo(reason))
            .hasMessageStartingWith(reason + ": model stream ");
    }

    /** Asserts that two models evaluate identically (bit for bit) and carry the same data. */
    static void assertSameModel(final DeceptronModel actual, final DeceptronModel expected) {
        assertThat(actual.name()).isEqualTo(expected.name());
        assertThat(actual.familyId()).isEqualTo(expected.familyId());
        assertThat(actual.familyFingerprint()).isEqualTo(expected.familyFingerprint());
        assertThat(actual.trainingRecord()).isEqualTo(expected.trainingRecord());
        assertThat(actual.xNormalization()).isEqualTo(expected.xNormalization());
        assertThat(actual.yNormalization()).isEqualTo(expected.yNormalization());
        assertThat(actual.forwardNetwork().toString()).isEqualTo(expected.forwardNetwork().toString());
        assertThat(actual.reverseNetwork().toString()).isEqualTo(expected.reverseNetwork().toString());
        final DeceptronSession a = new ModelDeceptron(actual).newSession();
        final DeceptronSession e = new ModelDeceptron(expected).newSession();
        final int n = expected.parameterSize();
        final int m = expected.observationSize();
        final Random random = new Random(99);
        for (int trial = 0; trial < 3; trial++) {
            final double[] x = TestModels.random(random, n, 2);
            final double[] dx = TestModels.random(random, n, 1);
            final double[] y = TestModels.random(random, m, 2);
            final double[] dy = TestModels.random(random, m, 1);
            final double[][] outA = {new double[m], new double[m], new double[n], new double[n]};
            final double[][] outE = {new double[m], new double[m], new double[n], new double[n]};
            a.forwardJvp(x, dx, outA[0], outA[1]);
            e.forwardJvp(x, dx, outE[0], outE[1]);
            a.inverseJvp(y, dy, outA[2], outA[3]);
            e.inverseJvp(y, dy, outE[2], outE[3]);
            for (int k = 0; k < 4; k++) {
                assertThat(outA[k]).containsExactly(outE[k]);
            }
        }
    }

    @Test
    void mlpModelRoundTripsThroughAStream() throws IOException {
        final DeceptronModel model = TestModels.tinyMlp();
        final byte[] bytes = TestModels.bytes(model);
        assertThat(new String(bytes, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("DIPGMODL");
        assertSameModel(read(bytes), model);
        assertThat(TestModels.bytes(read(bytes))).as("re-written file").isEqualTo(bytes);
    }

    @ParameterizedTest
    @EnumSource(Padding.class)
    void convResidualModelRoundTripsThroughAFile(final Padding padding, @TempDir final Path dir)
        throws IOException {
        final DeceptronModel model = TestModels.convResidual(padding);
        final Path file = dir.resolve("conv.dipg");
        ModelFile.write(model, file);
        assertSameModel(ModelFile.read(file), model);
        assertThat(ModelFile.read(file).trainingRecord().jcp()).isFalse();
    }

    @Test
    void formatVersionOneIsStable() throws IOException {
        // tiny-mlp.dipg was written by format version 1 from TestModels.tinyMlp(); it must keep reading, and the
        // writer must keep producing exactly these bytes.
        final byte[] golden;
        try (InputStream in = ModelFileTest.class.getResourceAsStream("tiny-mlp.dipg")) {
            assertThat(in).as("test resource tiny-mlp.dipg").isNotNull();
            golden = in.readAllBytes();
        }
        assertSameModel(read(golden), TestModels.tinyMlp());
        assertThat(TestModels.bytes(TestModels.tinyMlp())).isEqualTo(golden);
    }

    @Test
    void checksFamilyAndFingerprintWhenAsked() throws IOException {
        final byte[] bytes = TestModels.bytes(TestModels.tinyMlp());
        assertThat(ModelFile.read(new ByteArrayInputStream(bytes), TestModels.FAMILY, TestModels.FINGERPRINT)
                            .familyId()).isEqualTo(TestModels.FAMILY);
        assertThat(ModelFile.read(new ByteArrayInputStream(bytes), null, null).name()).isEqualTo("tiny-mlp +JCP");
        assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(bytes), "heat-3d", TestModels.FINGERPRINT))
            .isInstanceOf(ModelFormatException.class)
            .satisfies(e -> assertThat(((ModelFormatException) e).reason()).isEqualTo(Reason.WRONG_FAMILY))
            .hasMessage("WRONG_FAMILY: model stream was trained for family 'test-family', expected family "
                        + "'heat-3d'");
        assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(bytes), TestModels.FAMILY, "sha256:ffff"))
            .isInstanceOf(ModelFormatException.class)
            .satisfies(e -> assertThat(((ModelFormatException) e).reason()).isEqualTo(Reason.WRONG_FINGERPRINT))
            .hasMessageContaining("fingerprint 'sha256:0123abcd', expected fingerprint 'sha256:ffff'");
    }

    @Test
    void rejectsDataThatIsNotAModel() {
        assertRejected("PK\u0003\u0004 this is a zip".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                       Reason.NOT_A_MODEL)
            .hasMessageContaining("expected magic bytes \"DIPGMODL\", found bytes [50 4b 03 04 20 74 68 69]");
        assertRejected(new byte[] {'D', 'I', 'P', 'X'}, Reason.NOT_A_MODEL);
    }

    @Test
    void rejectsAnUnsupportedVersion() {
        final byte[] bytes = TestModels.bytes(TestModels.tinyMlp());
        bytes[11] = 2;
        assertRejected(bytes, Reason.UNSUPPORTED_VERSION)
            .hasMessageContaining("has model format version 2; this reader supports version 1");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 8, 12, 23, 24, 40, 500, -5, -4, -1})
    void rejectsATruncatedFile(final int cut) {
        final byte[] bytes = TestModels.bytes(TestModels.tinyMlp());
        final int length = cut >= 0 ? cut : bytes.length + cut;
        assertRejected(Arrays.copyOf(bytes, length), Reason.TRUNCATED).hasMessageContaining("is truncated");
    }

    @Test
    void truncationMessagesSayWhatIsMissing() {
        final byte[] bytes = TestModels.bytes(TestModels.tinyMlp());
        assertRejected(Arrays.copyOf(bytes, 20), Reason.TRUNCATED)
            .hasMessageContaining("ends inside the header (20 of 24 bytes)");
        assertRejected(Arrays.copyOf(bytes, 100), Reason.TRUNCATED)
            .hasMessageContaining("expected a body of " + (bytes.length - 28) + " bytes, found 76");
        assertRejected(Arrays.copyOf(bytes, bytes.length - 1), Reason.TRUNCATED)
            .hasMessageContaining("the 4-byte checksum after the body is missing (3 bytes found)");
    }

    @ParameterizedTest
    @ValueSource(ints = {14, 21, 24, 30, 60, 200, 400, -30, -3})
    void rejectsAFlippedByte(final int position) {
        final byte[] bytes = TestModels.bytes(TestModels.tinyMlp());
        final int index = position >= 0 ? position : bytes.length + position;
        bytes[index] ^= 0x10;
        assertRejected(bytes, Reason.CORRUPT).hasMessageContaining("checksum mismatch");
    }

    @Test
    void rejectsTrailingData() {
        final byte[] bytes = TestModels.bytes(TestModels.tinyMlp());
        assertRejected(Arrays.copyOf(bytes, bytes.length + 3), Reason.CORRUPT)
            .hasMessageContaining("3 unexpected byte(s) after the checksum");
    }

    @Test
    void aHandMadeBodyIsReadable() throws IOException {
        final byte[] body = new TestModels.Body().header().identityNetwork().identityNetwork()
            .identityNormalization().identityNormalization().emptyRecord().toByteArray();
        final DeceptronModel model = read(TestModels.frame(body));
        assertThat(model.name()).isEqualTo("hand-made");
        assertThat(model.parameterSize()).isEqualTo(1);
        assertThat(model.trainingRecord()).isEqualTo(TrainingRecord.empty());
    }

    @Test
    void rejectsInvalidContentBehindAValidChecksum() {
        final byte[] unknownTag = new TestModels.Body().header().ints(1, 99).toByteArray();
        assertRejected(TestModels.frame(unknownTag), Reason.CORRUPT)
            .hasMessageContaining("unknown layer tag 99 for forward network f layer 0");

        final byte[] inconsistent = new TestModels.Body().header().ints(2, 1, 1, 2).doubles(1, 1, 0, 0)
            .ints(1, 3, 1).doubles(1, 1, 1, 0).toByteArray();
        assertRejected(TestModels.frame(inconsistent), Reason.CORRUPT)
            .hasMessageContaining("inconsistent forward network f: network: layer 1 (Dense(3->1)) expects input "
                                  + "size 3 but layer 0 (Dense(1->2)) outputs 2");

        final byte[] negativeCount = new TestModels.Body().header().ints(-7).toByteArray();
        assertRejected(TestModels.frame(negativeCount), Reason.CORRUPT)
            .hasMessageContaining("layer count of forward network f -7 is outside");

        final byte[] badStd = new TestModels.Body().header().identityNetwork().identityNetwork().ints(1)
            .doubles(0, -1).toByteArray();
        assertRejected(TestModels.frame(badStd), Reason.CORRUPT)
            .hasMessageContaining("invalid x normalization: normalization std[0] must be finite and > 0, got -1.0");

        final byte[] badUtf8 = new TestModels.Body().ints(2).raw((byte) 0xc3, (byte) 0x28).toByteArray();
        assertRejected(TestModels.frame(badUtf8), Reason.CORRUPT).hasMessageContaining("model name is not valid UTF-8");

        final byte[] mismatchedNets = new TestModels.Body().header().identityNetwork()
            .ints(1, 1, 1, 2).doubles(1, 1, 0, 0).identityNormalization().identityNormalization().emptyRecord()
            .toByteArray();
        assertRejected(TestModels.frame(mismatchedNets), Reason.CORRUPT)
            .hasMessageContaining("reverse network g output size 2 differs from the forward network f input size");

        final byte[] leftover = new TestModels.Body().header().identityNetwork().identityNetwork()
            .identityNormalization().identityNormalization().emptyRecord().ints(0).toByteArray();
        assertRejected(TestModels.frame(leftover), Reason.CORRUPT)
            .hasMessageContaining("4 unexpected bytes after the training record");
    }

    @Test
    void absurdSizesAreRejectedWithoutAllocating() {
        final byte[] hugeDense = new TestModels.Body().header().ints(1, 1, 1 << 30, 1 << 30).doubles(1, 2, 3)
            .toByteArray();
        assertRejected(TestModels.frame(hugeDense), Reason.CORRUPT)
            .hasMessageContaining("the body ends while reading 1152921504606846976 weights of forward network f");

        final byte[] hugeConv = new TestModels.Body().header().ints(1, 4, 3, 1 << 20, 1 << 20, 1 << 25, 0)
            .ints(8, 8, 8).toByteArray();
        assertRejected(TestModels.frame(hugeConv), Reason.CORRUPT)
            .hasMessageContaining("impossible number of weights");

        final byte[] hugeString = new TestModels.Body().ints(Integer.MAX_VALUE).toByteArray();
        assertRejected(TestModels.frame(hugeString), Reason.CORRUPT)
            .hasMessageContaining("length of model name 2147483647 is outside [0, 1048576]");

        final byte[] longString = new TestModels.Body().ints(1000).raw((byte) 'a').toByteArray();
        assertRejected(TestModels.frame(longString), Reason.CORRUPT)
            .hasMessageContaining("the body ends while reading model name (1000 bytes needed, 1 left)");

        final byte[] hugeNormalization = new TestModels.Body().header().identityNetwork().identityNetwork()
            .ints(1 << 29).toByteArray();
        assertRejected(TestModels.frame(hugeNormalization), Reason.CORRUPT)
            .hasMessageContaining("length of x normalization 536870912 is outside");

        final byte[] deepNesting;
        final TestModels.Body nested = new TestModels.Body().header();
        for (int k = 0; k < 20; k++) {
            nested.ints(1, 5);
        }
        deepNesting = nested.ints(1, 3).toByteArray();
        assertRejected(TestModels.frame(deepNesting), Reason.CORRUPT)
            .hasMessageContaining("nests residual blocks deeper than 16");
    }

    @Test
    void aConvolutionShapeTooLargeForAnArrayIsRefusedBeforeItsWeightsAreRead() {
        // 2-D, 1 -> 1 channels, kernel 1, zero padding, shape 2^28 x 2^28 (2^56 points): the body ends right after
        // the shape, so a reader that went on to the weights would report truncated weights instead
        final byte[] huge2d = new TestModels.Body().header().ints(1, 4, 2, 1, 1, 1, 0, 1 << 28, 1 << 28)
            .toByteArray();
        assertRejected(TestModels.frame(huge2d), Reason.CORRUPT)
            .hasMessageContaining("forward network f layer 0 is too large: its input size 1 x 268435456 x 268435456 "
                                  + "(channels x spatial shape) exceeds the largest layer size 2147483647")
            .hasNoCause();

        // the same with float32 weights present: refused all the same
        final byte[] huge2dFloat = new TestModels.Body().header().ints(1, 8, 2, 1, 1, 1, 0, 1 << 28, 1 << 28)
            .raw(new byte[8]).toByteArray();
        assertRejected(TestModels.frame(huge2dFloat), Reason.CORRUPT).hasMessageContaining("is too large");
    }

    @Test
    void aConvolutionShapeWhoseProductWrapsIsRefusedNotAnIndexError() {
        // 3-D shape 2^22 x 2^22 x 2^20 = 2^64 points: a product in a long wraps to 0, and D*H in an int to 0
        final byte[] wrapping3d = new TestModels.Body().header().ints(1, 4, 3, 1, 1, 1, 1, 1 << 22, 1 << 22, 1 << 20)
            .doubles(0.5, 0.25).toByteArray();
        assertRejected(TestModels.frame(wrapping3d), Reason.CORRUPT)
            .hasMessageContaining("forward network f layer 0 is too large: its input size 1 x 4194304 x 4194304 x "
                                  + "1048576 (channels x spatial shape)");

        // many output channels times a small shape: the output size is checked too
        final byte[] manyChannels = new TestModels.Body().header().ints(1, 4, 3, 1, 1 << 20, 1, 0, 1 << 6, 1 << 6, 1)
            .toByteArray();
        assertRejected(TestModels.frame(manyChannels), Reason.CORRUPT)
            .hasMessageContaining("its output size 1048576 x 64 x 64 x 1");

        // a shape that fits but whose evaluation buffers would not: refused by the layer, named in the message
        final byte[] wideKernel = new TestModels.Body().header().ints(1, 4, 2, 1, 1, 3, 0, 1 << 30, 1)
            .doubles(new double[10]).toByteArray();
        assertRejected(TestModels.frame(wideKernel), Reason.CORRUPT)
            .hasMessageContaining("invalid forward network f layer 0: Convolution(2-D, 1->1, k=3, ZERO, 1073741824x1) "
                                  + "evaluation buffer is too large");
    }

    @Test
    void readingAFileNamesItInMessages(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("broken.dipg");
        Files.write(file, new byte[] {'D', 'I', 'P', 'G'});
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFormatException.class)
            .hasMessage("TRUNCATED: model file " + file + " is truncated: it ends inside the header (4 of 24 bytes)");
        assertThatThrownBy(() -> ModelFile.read(dir.resolve("missing.dipg"))).isInstanceOf(IOException.class);
    }
}
