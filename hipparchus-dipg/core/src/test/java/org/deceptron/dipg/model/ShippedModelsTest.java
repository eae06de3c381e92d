package org.deceptron.dipg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every model file shipped with the project (model bundles and {@code models/}) reads, writes back to exactly the
 * same bytes and the same training record, and evaluates as it did when the references below were computed (before
 * the layer codec registry and the per-stage training record): the file format does not change under refactoring.
 */
class ShippedModelsTest {

    /** Where the shipped model files are, relative to the module directory (the tests' working directory). */
    private static final List<Path> ROOTS = List.of(Path.of("../../bundles"), Path.of("../../models"));

    /**
     * Per file name: f(x)[0], f(x)[m-1], (J_f(x) v)[m/2], g(y)[0], g(y)[n-1], (J_g(y) w)[n/2] for the inputs of
     * {@link #outputs(DeceptronModel)}, in normalised coordinates.
     */
    private static final Map<String, double[]> REFERENCE = Map.ofEntries(
        Map.entry("adv-diff-2d-nojcp.dmodel",
                  new double[] {0.4031326064009079, -0.1511021067943486, 1.000955087440211,
                                 0.19386726815539865, 0.24465875470813694, 0.2577178752331866}),
        Map.entry("adv-diff-2d.dmodel",
                  new double[] {0.4031326064009079, -0.1511021067943486, 1.000955087440211,
                                 -1.1440114240374597, 0.298320861082244, 2.1846083643204253}),
        Map.entry("allen-cahn-2d-nojcp.dmodel",
                  new double[] {0.029216547137800836, 0.1637570395352658, -0.7513307239969507,
                                 0.8855464721447388, -0.481584310472166, 2.087125279911388}),
        Map.entry("allen-cahn-2d.dmodel",
                  new double[] {0.029216547137800836, 0.1637570395352658, -0.7513307239969507,
                                 1.1876171944786955, -0.7325289777679491, 3.020021764566335}),
        Map.entry("darcy-2d-nojcp.dmodel",
                  new double[] {-0.2274106192235093, -0.2226194828503146, -0.22179526052853377,
                                 -0.9852842803521742, -0.4864618781324373, -0.4851448342971447}),
        Map.entry("darcy-2d.dmodel",
                  new double[] {-0.2274106192235093, -0.2226194828503146, -0.22179526052853377,
                                 -0.8879705380545444, -0.41526608767240064, -0.5218016082870042}),
        Map.entry("heat-1d-nojcp.dmodel",
                  new double[] {-0.1382726901650188, 0.05090030224169739, -0.3208851017367126,
                                 0.3820909873480406, 0.13919989034583627, -0.39671844876099127}),
        Map.entry("heat-1d.dmodel",
                  new double[] {-0.1382726901650188, 0.05090030224169739, -0.3208851017367126,
                                 0.3464004589399488, 0.10382552783764198, -0.37654540885532517}),
        Map.entry("heat-2d-nojcp.dmodel",
                  new double[] {-0.7082446944832772, -1.426508437058064, 0.7220614978955505,
                                 0.762217309547414, 0.5130597044174352, -0.4163525564959077}),
        Map.entry("heat-2d.dmodel",
                  new double[] {-0.7082446944832772, -1.426508437058064, 0.7220614978955505,
                                 2.2649162106572267, 1.1011076071762342, 2.6348130087671056}),
        Map.entry("heat-3d-nojcp.dmodel",
                  new double[] {-0.4825984969218744, -0.5956040441294648, 0.1556263968561491,
                                 0.3427334715072283, 0.4224463929158376, -1.4822869359498774}),
        Map.entry("heat-3d.dmodel",
                  new double[] {-0.4825984969218744, -0.5956040441294648, 0.1556263968561491,
                                 1.8047103037646286, 0.07971045025967027, -1.0744552530249978}),
        Map.entry("navier-stokes-2d-nojcp.dmodel",
                  new double[] {-0.057366946420247956, -0.4133230935829067, -0.8397898177140591,
                                 0.8200976674857906, 0.48042509057008487, -0.3169257200117316}),
        Map.entry("navier-stokes-2d.dmodel",
                  new double[] {-0.057366946420247956, -0.4133230935829067, -0.8397898177140591,
                                 0.9211190660535299, 0.35372712733128336, 0.5770493078018071}));

    private static List<Path> shippedModels() throws IOException {
        final List<Path> files = new ArrayList<>();
        for (final Path root : ROOTS) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.getFileName().toString().endsWith(".dmodel"))
                        .filter(p -> !p.toString().contains("/target/")).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    /** Evaluates both networks and their JVPs on fixed inputs and returns six entries of the results. */
    private static double[] outputs(final DeceptronModel model) {
        final int n = model.parameterSize();
        final int m = model.observationSize();
        final double[] x = new double[n];
        final double[] v = new double[n];
        final double[] y = new double[m];
        final double[] w = new double[m];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 * Math.sin(0.7 * i + 0.3);
            v[i] = Math.cos(1.3 * i);
        }
        for (int i = 0; i < m; i++) {
            y[i] = 0.5 * Math.cos(0.4 * i + 0.1);
            w[i] = Math.sin(0.9 * i);
        }
        final double[] fx = new double[m];
        final double[] jf = new double[m];
        final double[] gy = new double[n];
        final double[] jg = new double[n];
        model.forwardNetwork().newEvaluator().jvp(x, v, fx, jf);
        model.reverseNetwork().newEvaluator().jvp(y, w, gy, jg);
        return new double[] {fx[0], fx[m - 1], jf[m / 2], gy[0], gy[n - 1], jg[n / 2]};
    }

    @Test
    void everyShippedModelRoundTripsByteForByteAndEvaluatesAsBefore() throws IOException {
        final List<Path> files = shippedModels();
        final Set<String> seen = new TreeSet<>();
        for (final Path file : files) {
            final String name = file.getFileName().toString();
            final byte[] bytes = Files.readAllBytes(file);
            final DeceptronModel model = ModelFile.read(new ByteArrayInputStream(bytes));
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            ModelFile.write(model, out);
            final byte[] written = out.toByteArray();
            assertThat(written.length).as("length of %s written back", file).isEqualTo(bytes.length);
            assertThat(Arrays.mismatch(written, bytes)).as("first differing byte of %s written back", file)
                .isEqualTo(-1);
            assertThat(ModelFile.read(new ByteArrayInputStream(written)).trainingRecord())
                .as("record of %s", file).isEqualTo(model.trainingRecord());
            final double[] expected = REFERENCE.get(name);
            if (expected != null) {
                seen.add(name);
                final double[] actual = outputs(model);
                for (int k = 0; k < expected.length; k++) {
                    // libm may differ by an ulp or so across JVMs (tanh); parsing errors are far larger
                    assertThat(actual[k]).as("output %d of %s", k, file)
                        .isCloseTo(expected[k], within(1e-12 * Math.max(1, Math.abs(expected[k]))));
                }
            }
        }
        assertThat(seen).as("shipped models found under %s", ROOTS).isEqualTo(REFERENCE.keySet());
    }

    @Test
    void heat1dRecordReadsToTheValuesItWasTrainedWith() throws IOException {
        final Path file = ROOTS.get(0).resolve("heat-1d/src/main/resources/org/deceptron/models/heat1d/heat-1d.dmodel");
        final TrainingRecord r = ModelFile.read(file).trainingRecord();
        assertThat(r.jcp()).isTrue();
        assertThat(r.seed()).isEqualTo(7L);
        assertThat(new int[] {r.trainCount(), r.validationCount()}).containsExactly(4000, 500);
        // the linear heat-1d model of issue 10 (./dipg train --family heat-1d)
        assertThat(r.s1()).isEqualTo(new TrainingRecord.Stage(140, 1.1301854276098311E-4, 21.041425474));
        assertThat(r.s2()).isEqualTo(new TrainingRecord.Stage(100, 0.17485462959465806, 19.949278282));
        assertThat(r.s3()).isEqualTo(new TrainingRecord.Stage(120, 4.719184155653115, 31.564754096));
        assertThat(r.totalSeconds()).isEqualTo(91.430806324);
        assertThat(r.extra()).hasSize(41).containsEntry("batch", "128");
    }
}
