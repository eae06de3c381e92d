package org.deceptron.dipg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.deceptron.dipg.model.ModelFormatException.Reason;
import org.deceptron.dipg.nn.Convolution;
import org.deceptron.dipg.nn.Layer;
import org.deceptron.dipg.nn.Network;
import org.deceptron.dipg.nn.Padding;
import org.deceptron.dipg.nn.Reshape;
import org.deceptron.dipg.registry.DeceptronRegistry;
import org.junit.jupiter.api.Test;

/** The documented caps of {@link ModelFile} on the model a file declares, and the shipped models within them. */
class ModelFileLimitsTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(final byte[] bytes,
                                                                                 final ReadLimits limits,
                                                                                 final Reason reason) {
        return assertThatThrownBy(() -> ModelReader.read(new ByteArrayInputStream(bytes), "model stream", null, null,
                                                         limits))
            .isInstanceOf(ModelFormatException.class)
            .satisfies(e -> assertThat(((ModelFormatException) e).reason()).isEqualTo(reason))
            .hasMessageStartingWith(reason + ": model stream ");
    }

    /** A convolution 1 -> channels -> 1 with kernel 1 on a grid: a tiny model with huge activations. */
    static DeceptronModel wideChannels(final int channels, final int[] shape, final String family,
                                       final String fingerprint) {
        int points = 1;
        for (final int s : shape) {
            points *= s;
        }
        final int dims = shape.length;
        final double[] ones = new double[channels];
        java.util.Arrays.fill(ones, 1.0 / channels);
        final Network net = new Network(List.of(
            new Reshape(points),
            new Convolution(dims, 1, channels, 1, Padding.ZERO, shape, ones, new double[channels]),
            new Convolution(dims, channels, 1, 1, Padding.ZERO, shape, ones, new double[1])));
        final double[] std = new double[points];
        java.util.Arrays.fill(std, 1);
        final Normalization identity = new Normalization(new double[points], std);
        return new DeceptronModel("wide " + channels, family, fingerprint, net, net, identity, identity,
                                  TrainingRecord.empty());
    }

    @Test
    void aConvolutionWithHugeActivationsIsRefusedAtReadNamingTheCap() {
        // the model of the issue: 1 -> 65536 -> 1 channels on a 32 x 32 grid, 2^26 values per activation
        final byte[] bytes = TestModels.bytes(wideChannels(65536, new int[] {32, 32}, "heat-2d", "fp"));
        assertRejected(bytes, ReadLimits.DEFAULT, Reason.TOO_LARGE)
            .hasMessageContaining("forward network f layer 1 (Convolution(2-D, 1->65536, k=1, ZERO, 32x32)) has an "
                                  + "activation of 67108864 values, over the limit of 16777216 values per layer "
                                  + "(ModelFile.MAX_ACTIVATION)");
    }

    @Test
    void aLayerSizeAboveTheActivationCapIsRefusedWithoutAnyWeight() {
        final byte[] body = new TestModels.Body().header().ints(1, 6, ModelFile.MAX_ACTIVATION + 1).toByteArray();
        assertRejected(TestModels.frame(body), ReadLimits.DEFAULT, Reason.TOO_LARGE)
            .hasMessageContaining("forward network f layer 0 (Reshape(16777217)) has an activation of 16777217 "
                                  + "values, over the limit of 16777216");
        // at the cap: accepted by the layer check (and then refused as an inconsistent network, here truncated)
        final byte[] atCap = new TestModels.Body().header().ints(1, 6, ModelFile.MAX_ACTIVATION).toByteArray();
        assertRejected(TestModels.frame(atCap), ReadLimits.DEFAULT, Reason.CORRUPT);
    }

    @Test
    void moreLayersThanTheCapAreRefusedCountingBothNetworks() {
        // each network: Reshape(1) then 5000 Tanh; 10,002 layers in all, the limit being 10,000
        final TestModels.Body body = new TestModels.Body().header();
        for (int net = 0; net < 2; net++) {
            body.ints(5001, 6, 1);
            for (int k = 0; k < 5000; k++) {
                body.ints(3);
            }
        }
        assertRejected(TestModels.frame(body.toByteArray()), ReadLimits.DEFAULT, Reason.TOO_LARGE)
            .hasMessageContaining("the model has more than 10000 layers, nested ones included (limit "
                                  + "ModelFile.MAX_LAYERS), at reverse network g layer 4999");
    }

    @Test
    void moreWeightsThanTheCapAreRefusedBeforeTheyAreAllocated() {
        final byte[] bytes = TestModels.bytes(TestModels.tinyMlp());
        // f: Dense(3->8) 24 + 8, then Dense(8->4) 32 + 4: the 101st value is the 29th weight of f layer 2
        final ReadLimits limits = new ReadLimits(60, ModelFile.MAX_ACTIVATION, ModelFile.MAX_SESSION_DOUBLES,
                                                 ModelFile.MAX_LAYERS);
        assertRejected(bytes, limits, Reason.TOO_LARGE)
            .hasMessageContaining("the model has more than 60 weights and biases (limit ModelFile.MAX_WEIGHTS): 32 "
                                  + "before 32 weights of forward network f layer 2");
    }

    @Test
    void aSessionAboveTheCapIsRefusedWithItsSize() throws IOException {
        final DeceptronModel model = TestModels.convResidual(Padding.ZERO);
        final byte[] bytes = TestModels.bytes(model);
        final long session = model.sessionMemory();
        final ReadLimits below = new ReadLimits(ModelFile.MAX_WEIGHTS, ModelFile.MAX_ACTIVATION, session - 1,
                                                ModelFile.MAX_LAYERS);
        assertRejected(bytes, below, Reason.TOO_LARGE)
            .hasMessageContaining("a session of the model would allocate " + session + " doubles, over the limit of "
                                  + (session - 1) + " (ModelFile.MAX_SESSION_DOUBLES)");
        final ReadLimits at = new ReadLimits(ModelFile.MAX_WEIGHTS, ModelFile.MAX_ACTIVATION, session,
                                             ModelFile.MAX_LAYERS);
        assertThat(ModelReader.read(new ByteArrayInputStream(bytes), "model stream", null, null, at).name())
            .isEqualTo(model.name());
    }

    @Test
    void aRepeatedExtraSettingKeyIsRefused() {
        final byte[] body = new TestModels.Body().header().identityNetwork().identityNetwork()
            .identityNormalization().identityNormalization().ints(0, 0).string("").ints(0, 0, 0, 0, 0)
            .doubles(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                     Double.NaN, Double.NaN).raw((byte) 1).ints(2).string("lr").string("1")
            .string("lr").string("2").toByteArray();
        assertRejected(TestModels.frame(body), ReadLimits.DEFAULT, Reason.CORRUPT)
            .hasMessageContaining("extra setting key 'lr' appears twice");
    }

    @Test
    void anEndlessStreamAfterTheFileIsRefusedInsteadOfReadForever() {
        final byte[] bytes = TestModels.bytes(TestModels.tinyMlp());
        final InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(final byte[] b, final int off, final int len) {
                return len;
            }
        };
        assertThatThrownBy(() -> ModelFile.read(new SequenceInputStream(new ByteArrayInputStream(bytes), endless)))
            .isInstanceOf(ModelFormatException.class)
            .hasMessageContaining("more than 1048576 unexpected bytes after the checksum");
    }

    @Test
    void theSessionMemoryBoundsWhatASessionAllocates() {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (final DeceptronModel model : List.of(TestModels.tinyMlp(), TestModels.convResidual(Padding.ZERO),
                                                  TestModels.convResidual(Padding.CIRCULAR),
                                                  ModelFileFuzzTest.everyTag(),
                                                  wideChannels(64, new int[] {3, 4, 5}, "f", "p"))) {
            final ModelDeceptron deceptron = new ModelDeceptron(model);
            deceptron.newSession();
            final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            deceptron.newSession();
            final long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            assertThat(allocated).as("bytes allocated by a session of %s", model).isPositive()
                .isLessThanOrEqualTo(Double.BYTES * model.sessionMemory());
        }
    }

    @Test
    void everyShippedModelIsWellWithinTheCaps() throws IOException {
        final List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("../../bundles"))) {
            walk.filter(p -> p.toString().endsWith(".dmodel") && !p.toString().contains("/target/"))
                .forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(14);
        for (final Path file : files) {
            final DeceptronModel model = ModelFile.read(file);
            final long size = Math.max(model.parameterSize(), model.observationSize());
            // a margin of at least 4 on the registry's caps relative to the family, and far from the reader's caps
            assertThat(4 * model.largestActivation()).as("largest activation of %s", file)
                .isLessThanOrEqualTo(DeceptronRegistry.ACTIVATION_FACTOR * size);
            assertThat(4 * model.sessionMemory()).as("session memory of %s", file)
                .isLessThanOrEqualTo(DeceptronRegistry.SESSION_FACTOR * size);
            assertThat(100 * model.sessionMemory()).isLessThan(ModelFile.MAX_SESSION_DOUBLES);
            assertThat(1000 * model.largestActivation()).isLessThan(ModelFile.MAX_ACTIVATION);
        }
        assertThat(Layer.MAX_SIZE).isGreaterThan(ModelFile.MAX_ACTIVATION);
    }
}
