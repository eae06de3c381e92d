package org.deceptron.dipg.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.deceptron.dipg.DipgFormats;
import org.deceptron.dipg.DipgOptimizer;
import org.deceptron.dipg.DipgOptimum;
import org.deceptron.dipg.StopReason;
import org.deceptron.dipg.model.DeceptronModel;
import org.deceptron.dipg.model.ModelDeceptron;
import org.deceptron.dipg.model.ModelFile;
import org.deceptron.dipg.model.Normalization;
import org.deceptron.dipg.model.ResourceDeceptronProvider;
import org.deceptron.dipg.model.TrainingRecord;
import org.deceptron.dipg.nn.Convolution;
import org.deceptron.dipg.nn.Network;
import org.deceptron.dipg.nn.Padding;
import org.deceptron.dipg.nn.Reshape;
import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardModel;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's memory budget relative to the family, and SHA-256 pinning. */
class DeceptronRegistryTest {

    /** The test resource written from the model package's tiny MLP (family test-family, n = 3, m = 4). */
    private static final String TINY_MLP = "/org/deceptron/dipg/model/tiny-mlp.dipg";

    /** F(x) = 2x + 0.1 sin(x) on [-3, 3]^n: a family that Levenberg-Marquardt solves at once. */
    private static ForwardModel family(final String id, final String fingerprint, final int n, final int m) {
        return new ForwardModel() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public int parameterSize() {
                return n;
            }

            @Override
            public int observationSize() {
                return m;
            }

            @Override
            public double[] lowerBounds() {
                final double[] b = new double[n];
                Arrays.fill(b, -3);
                return b;
            }

            @Override
            public double[] upperBounds() {
                final double[] b = new double[n];
                Arrays.fill(b, 3);
                return b;
            }

            @Override
            public double[] value(final double[] x) {
                final double[] y = new double[m];
                for (int i = 0; i < m; i++) {
                    y[i] = 2 * x[i % n] + 0.1 * Math.sin(x[i % n]);
                }
                return y;
            }

            @Override
            public String fingerprint() {
                return fingerprint;
            }
        };
    }

    /** g = f = Reshape(n), Convolution 1-D 1 -> channels (kernel 1), Convolution channels -> 1: valid, and wide. */
    private static ModelDeceptron wide(final int channels, final int n) {
        final double[] weights = new double[channels];
        Arrays.fill(weights, 1.0 / channels);
        final Network net = new Network(List.of(
            new Reshape(n),
            new Convolution(1, 1, channels, 1, Padding.ZERO, new int[] {n}, weights, new double[channels]),
            new Convolution(1, channels, 1, 1, Padding.ZERO, new int[] {n}, weights, new double[1])));
        final double[] std = new double[n];
        Arrays.fill(std, 1);
        final Normalization identity = new Normalization(new double[n], std);
        return new ModelDeceptron(new DeceptronModel("wide-" + channels, "linear-16", "fp-1", net, net, identity,
                                                     identity, TrainingRecord.empty()));
    }

    /** g = f = Reshape(n) then {@code depth} Tanh: small activations, but a buffer pair per layer. */
    private static ModelDeceptron deep(final int depth, final int n) {
        final List<org.deceptron.dipg.nn.Layer> layers = new java.util.ArrayList<>();
        layers.add(new Reshape(n));
        for (int k = 0; k < depth; k++) {
            layers.add(new org.deceptron.dipg.nn.Tanh());
        }
        final Network net = new Network(layers);
        final double[] std = new double[n];
        Arrays.fill(std, 1);
        final Normalization identity = new Normalization(new double[n], std);
        return new ModelDeceptron(new DeceptronModel("deep-" + depth, "linear-16", "fp-1", net, net, identity,
                                                     identity, TrainingRecord.empty()));
    }

    private static String sha256(final byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] tinyMlpBytes() throws IOException {
        try (InputStream in = DeceptronRegistryTest.class.getResourceAsStream(TINY_MLP)) {
            return in.readAllBytes();
        }
    }

    private static DeceptronSource tinyMlpSource() {
        final ResourceDeceptronProvider provider =
            new ResourceDeceptronProvider("test-family", DeceptronRegistryTest.class, TINY_MLP);
        return () -> List.of(provider);
    }

    private final ForwardModel tinyFamily = family("test-family", "sha256:0123abcd", 3, 4);

    @Test
    void aModelWithHugeActivationsIsReadButRefusedByTheRegistryAndTheSolveRunsAsLm() throws IOException {
        final ForwardModel linear = family("linear-16", "fp-1", 16, 16);
        final ModelDeceptron huge = wide(65536, 16);
        // the reader accepts it: 2^20 values per activation, under the absolute caps
        final Path file = Files.createTempFile("wide", ".dipg");
        try {
            ModelFile.write(huge.model(), file);
            assertThat(ModelFile.read(file).largestActivation()).isEqualTo(1 << 20);
        } finally {
            Files.delete(file);
        }
        final DeceptronRegistry registry = DeceptronRegistry.of(huge);
        final String reason = "wide-65536: too large for the family (n = 16, m = 16): its largest activation of "
                              + "1048576 values exceeds 64 x max(n, m) = 1024 (DeceptronRegistry.ACTIVATION_FACTOR)";
        assertThat(registry.find(linear).getDeceptron()).isEmpty();
        assertThat(registry.find(linear).getStatus())
            .isEqualTo("no usable Deceptron for family linear-16; refused: " + reason);

        final double[] truth = new double[16];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = Math.sin(i);
        }
        final FamilyProblem problem = FamilyProblemFactory.create(linear, 0.01, linear.value(truth), new double[16],
                                                                  1.5, 200, 100);
        final DipgOptimum optimum = new DipgOptimizer().withRegistry(registry).optimize(problem);
        assertThat(optimum.getDeceptronName()).isEmpty();
        assertThat(optimum.getStopReason()).isEqualTo(StopReason.LEVENBERG_MARQUARDT);
        assertThat(optimum.getDeceptronStatus()).contains(reason);
        assertThat(optimum.getRMS()).isLessThanOrEqualTo(1.5);
    }

    @Test
    void aModelOverTheSessionBudgetIsRefusedWithItsNumbers() {
        // 1100 layers of 16 values: activations of 16, but a pair of buffers per layer in each network
        final ModelDeceptron deep = deep(1100, 16);
        final String status = DeceptronRegistry.of(deep).find(family("linear-16", "fp-1", 16, 16)).getStatus();
        assertThat(status).contains("deep-1100: too large for the family (n = 16, m = 16): a session would allocate "
                                    + deep.model().sessionMemory() + " doubles, more than 4096 x max(n, m) = 65536 "
                                    + "(DeceptronRegistry.SESSION_FACTOR)");
        assertThat(deep.model().sessionMemory()).isGreaterThan(65536);
        // a narrow model of the same family is used
        assertThat(DeceptronRegistry.of(wide(4, 16)).find(family("linear-16", "fp-1", 16, 16)).getStatus())
            .isEqualTo("using Deceptron wide-4 for family linear-16");
    }

    @Test
    void withoutPinningAnyFittingDeceptronIsUsed() {
        final DeceptronRegistry registry = new DeceptronRegistry(tinyMlpSource());
        assertThat(registry.getPinnedSha256()).isEmpty();
        assertThat(registry.find(tinyFamily).getStatus()).isEqualTo("using Deceptron tiny-mlp +JCP for family "
                                                                    + "test-family");
    }

    @Test
    void aPinnedModelFileIsAcceptedInEitherCase() throws Exception {
        final String digest = sha256(tinyMlpBytes());
        final DeceptronRegistry registry = new DeceptronRegistry(tinyMlpSource()).withPinnedSha256(Set.of(digest));
        assertThat(registry.getPinnedSha256()).contains(Set.of(digest));
        final DeceptronLookup lookup = registry.find(tinyFamily);
        assertThat(lookup.getStatus()).isEqualTo("using Deceptron tiny-mlp +JCP for family test-family");
        assertThat(((ModelDeceptron) lookup.getDeceptron().orElseThrow()).sourceSha256()).contains(digest);
        final DeceptronRegistry upper = new DeceptronRegistry(tinyMlpSource())
            .withPinnedSha256(Set.of(digest.toUpperCase(Locale.ROOT)));
        assertThat(upper.find(tinyFamily).getDeceptron()).isPresent();
    }

    @Test
    void anUnpinnedModelFileIsRefusedNamingItsDigest() throws Exception {
        final String digest = sha256(tinyMlpBytes());
        final String other = "ab".repeat(32);
        final DeceptronLookup lookup = new DeceptronRegistry(tinyMlpSource()).withPinnedSha256(Set.of(other))
            .find(tinyFamily);
        assertThat(lookup.getDeceptron()).isEmpty();
        assertThat(lookup.getStatus()).isEqualTo("no usable Deceptron for family test-family; refused: tiny-mlp "
                                                 + "+JCP: model file SHA-256 " + digest + " is not pinned (1 pinned "
                                                 + "digest(s))");
        // an empty set pins nothing: everything is refused
        assertThat(new DeceptronRegistry(tinyMlpSource()).withPinnedSha256(Set.of()).find(tinyFamily).getStatus())
            .contains("SHA-256 " + digest + " is not pinned (0 pinned digest(s))");
    }

    @Test
    void aDeceptronNotReadFromAFileIsRefusedWhenPinningIsOn() throws Exception {
        final ModelDeceptron inMemory = wide(4, 16);
        assertThat(inMemory.sourceSha256()).isEmpty();
        final DeceptronLookup lookup = DeceptronRegistry.of(inMemory).withPinnedSha256(Set.of("00".repeat(32)))
            .find(family("linear-16", "fp-1", 16, 16));
        assertThat(lookup.getDeceptron()).isEmpty();
        assertThat(lookup.getStatus()).contains("wide-4: not read from a model file, so it has no SHA-256 to check "
                                                + "against the 1 pinned digest(s)");
    }

    @Test
    void aModelFileReadByModelDeceptronKnowsItsDigest(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("tiny.dipg");
        Files.write(file, tinyMlpBytes());
        final ModelDeceptron read = ModelDeceptron.read(file);
        assertThat(read.sourceSha256()).contains(sha256(tinyMlpBytes()));
        assertThat(DeceptronRegistry.of(read).withPinnedSha256(Set.of(sha256(tinyMlpBytes()))).find(tinyFamily)
                       .getDeceptron()).containsSame(read);
    }

    @Test
    void aMalformedPinIsRefused() {
        final DeceptronRegistry registry = DeceptronRegistry.empty();
        for (final String bad : List.of("abc", "zz".repeat(32), "ab".repeat(33), "sha256:" + "ab".repeat(32))) {
            assertThatThrownBy(() -> registry.withPinnedSha256(Set.of(bad)))
                .isInstanceOf(MathIllegalArgumentException.class)
                .satisfies(e -> assertThat(((MathIllegalArgumentException) e).getSpecifier())
                    .isEqualTo(DipgFormats.REGISTRY_INVALID_SHA256))
                .hasMessageContaining("'" + bad + "'");
        }
    }
}
