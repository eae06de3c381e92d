package org.deceptron.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scaling study's CSV and Markdown table. */
class ScalingWriterTest {

    /**
     * A point whose costs grow as n^3 (LM) and n^1 (D-IPG).
     * @param nodes nodes per side
     * @return the point
     */
    private static ScalingPoint point(final int nodes) {
        final int n = nodes * nodes;
        final String id = nodes == 16 ? "heat-2d" : "heat-2d-" + nodes + "x" + nodes;
        final double lmMs = 1e-6 * n * n * n;
        final double dipgMs = 0.01 * n;
        final WorkMedians lmWork = new WorkMedians(17, 8 * n, 0, 0, 17 + 8 * n);
        final WorkMedians dipgWork = new WorkMedians(3, 0, 0, 4, 3);
        final MethodSummary lm = new MethodSummary(id, "lm", n, n, 5, 1.0, 7, 9, 8, 0.05, lmMs, 1.0, lmWork, lmMs,
                lmMs, "lm", 1.0);
        final MethodSummary dipg = new MethodSummary(id, "dipg", n, n, 5, 0.8, 2, 3, 0, 0.06, dipgMs, lmMs / dipgMs,
                dipgWork, dipgMs, dipgMs, "", Double.NaN);
        return new ScalingPoint(id, nodes, n, lm, dipg, nodes == 24 ? Double.NaN : 10.0 * nodes);
    }

    @Test
    void csvHasOneRowPerSize(@TempDir final Path dir) throws Exception {
        final Path file = dir.resolve("scaling.csv");
        ScalingWriter.writeCsv(List.of(point(12), point(16), point(24)), file);
        final List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(ScalingWriter.CSV_HEADER);
        final int columns = ScalingWriter.CSV_HEADER.split(",").length;
        for (final String line : lines) {
            assertThat(line.split(",", -1)).hasSize(columns);
        }
        assertThat(lines.get(1)).startsWith("heat-2d-12x12,12,144,5,1.0000,2.986,7.0,8.0,0.8000,1.440,2.0,0.0,");
        assertThat(lines.get(2)).startsWith("heat-2d,16,256,").endsWith(",160.0");
        assertThat(lines.get(3)).startsWith("heat-2d-24x24,24,576,").endsWith(",NaN");
    }

    @Test
    void markdownHasTheColumnsAndTheGrowthExponents() {
        final String md = ScalingWriter.markdown(List.of(point(12), point(16), point(24)), "header line");
        assertThat(md).startsWith("header line\n\n");
        assertThat(md).contains("| grid | n | LM median ms | D-IPG median ms | speed-up | LM iterations / Jacobians");
        assertThat(md).contains("| 12x12 | 144 | 3.0 | 1.44 | 2.1x | 7.0 / 8.0 | 2.0 / 0.0 | 100% | 80% | 120 |");
        assertThat(md).contains("| 24x24 | 576 |").contains("| unknown |");
        assertThat(md).contains("LM n^3.00, D-IPG n^1.00");
        assertThat(md.lines().filter(l -> l.matches("^\\| \\d+x\\d+ \\|.*")).count()).isEqualTo(3);
    }

    @Test
    void slopeNeedsTwoSizes() {
        assertThat(ScalingWriter.slope(List.of(point(12), point(24)), true)).isCloseTo(3.0, within(1e-9));
        assertThat(ScalingWriter.slope(List.of(point(12)), false)).isNaN();
        assertThat(ScalingWriter.markdown(List.of(point(12)), "h")).doesNotContain("slope");
    }

    @Test
    void plotIsWritten(@TempDir final Path dir) throws Exception {
        final Path png = dir.resolve("scaling.png");
        ResidualPlot.writeScaling("heat-2d", List.of(point(12), point(16), point(24)), png);
        assertThat(Files.size(png)).isGreaterThan(1000);
    }
}
