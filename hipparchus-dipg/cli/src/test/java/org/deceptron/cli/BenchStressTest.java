package org.deceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.deceptron.bench.StressScenario;
import org.deceptron.bench.StressWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dipg bench --stress}: runs the stress suite, prints its table and writes stress.md and stress.csv. */
class BenchStressTest {

    @Test
    void stressPrintsTheTableAndWritesTheFiles(@TempDir final Path dir) throws IOException {
        final Path out = dir.resolve("out");
        final String[] r = DipgCommandTest.run("bench", "--stress", "--families", "heat-1d", "--instances", "1", "--warmup", "0",
                "--seed", "7", "--out", out.toString());
        assertThat(r[0]).as(r[1]).isEqualTo("0");
        final int scenarios = StressScenario.values().length;
        assertThat(r[2]).startsWith("Run ").contains("command: `").contains(" bench --stress --families heat-1d")
                .contains("| family | scenario | instances | D-IPG success | LM success |")
                .contains("| heat-1d | changed-constant | 1 |")
                .contains("wrote " + out.resolve("stress.csv"));
        assertThat(r[2].lines().filter(l -> l.startsWith("| heat-1d | "))).hasSize(scenarios);
        final List<String> csv = Files.readAllLines(out.resolve("stress.csv"));
        assertThat(csv).hasSize(1 + scenarios);
        assertThat(csv.get(0)).isEqualTo(StressWriter.CSV_HEADER);
        assertThat(csv.get(1)).startsWith("heat-1d,nominal,1,");
        assertThat(Files.readString(out.resolve("stress.md"))).contains("| heat-1d | nan-model | 1 |");
        assertThat(out.resolve("results.csv")).doesNotExist();
    }

    @Test
    void stressRejectsMethodsAndUnknownFamilies(@TempDir final Path dir) {
        final String[] r = DipgCommandTest.run("bench", "--stress", "--methods", "lm", "--out", dir.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--methods does not apply with --stress");
        assertThat(DipgCommandTest.run("bench", "--stress", "--families", "heat-9d", "--out", dir.toString())[0]).isEqualTo("2");
        assertThat(DipgCommandTest.run("bench", "--stress", "--instances", "0", "--out", dir.toString())[0]).isEqualTo("2");
        assertThat(DipgCommandTest.run("bench", "--help")[2]).contains("--stress");
    }
}
