package org.deceptron.dipg.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The model files shipped in the bundles read to the training record they were written with, and writing them back
 * gives the same bytes: the file format (the training record included) does not change under refactoring.
 */
class ShippedModelFilesTest {

    /** The bundles, relative to the core module's directory (where Maven runs the tests). */
    private static final Path BUNDLES = Path.of("../../bundles");

    private static List<Path> shippedModels() throws IOException {
        try (Stream<Path> files = Files.walk(BUNDLES)) {
            return files.filter(p -> p.toString().endsWith(".dmodel"))
                        .filter(p -> p.toString().contains("src/main/resources")).sorted()
                        .collect(Collectors.toList());
        }
    }

    @Test
    void everyShippedFileWritesBackToTheSameBytes() throws IOException {
        final List<Path> models = shippedModels();
        assertThat(models).as("shipped models under %s", BUNDLES.toAbsolutePath())
                          .anySatisfy(p -> assertThat(p.getFileName().toString()).isEqualTo("heat-1d.dmodel"));
        for (final Path p : models) {
            final byte[] bytes = Files.readAllBytes(p);
            final DeceptronModel model = ModelFile.read(new ByteArrayInputStream(bytes));
            final byte[] again = TestModels.bytes(model);
            assertThat(again).as("bytes written back from %s", p).isEqualTo(bytes);
            assertThat(ModelFile.read(new ByteArrayInputStream(again)).trainingRecord())
                .as("record of %s", p).isEqualTo(model.trainingRecord());
        }
    }

    @Test
    void heat1dRecordReadsToTheValuesItWasTrainedWith() throws IOException {
        final Path file = BUNDLES.resolve("heat-1d/src/main/resources/org/deceptron/models/heat1d/heat-1d.dmodel");
        final TrainingRecord r = ModelFile.read(file).trainingRecord();
        assertThat(r.jcp()).isTrue();
        assertThat(r.seed()).isEqualTo(7L);
        assertThat(new int[] {r.trainCount(), r.validationCount()}).containsExactly(4000, 500);
        assertThat(r.s1()).isEqualTo(new TrainingRecord.Stage(140, 2.043716824846342E-5, 12.628009754));
        assertThat(r.s2()).isEqualTo(new TrainingRecord.Stage(100, 0.13278419768146704, 18.556147705));
        assertThat(r.s3()).isEqualTo(new TrainingRecord.Stage(120, 0.8478929073470645, 27.129920730000002));
        assertThat(r.totalSeconds()).isEqualTo(80.84991156800001);
        assertThat(r.extra()).hasSize(41).containsEntry("batch", "128");
    }
}
