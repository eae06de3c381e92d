package org.deceptron.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.deceptron.dipg.model.DeceptronModel;
import org.deceptron.dipg.model.ModelDeceptron;
import org.deceptron.dipg.model.Normalization;
import org.deceptron.dipg.model.TrainingRecord;
import org.deceptron.dipg.nn.Dense;
import org.deceptron.dipg.nn.Network;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.Instance;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark protocol end to end on a small family with an exact-inverse Deceptron. */
class BenchRunnerTest {

    static Deceptron linearDeceptron(final LinearFamily family, final RealMatrix g, final RealMatrix f,
                                             final double seconds) {
        final int n = LinearFamily.N;
        final Network gNet = new Network(List.of(new Dense(n, n, flatten(g), new double[n])));
        final Network fNet = new Network(List.of(new Dense(n, n, flatten(f), new double[n])));
        final TrainingRecord.Stage third = new TrainingRecord.Stage(0, Double.NaN, seconds / 3);
        return new ModelDeceptron(new DeceptronModel("exact", family.id(), family.fingerprint(), fNet, gNet,
                Normalization.identity(n), Normalization.identity(n),
                TrainingRecord.builder().stages(third, third, third).totalSeconds(seconds).build()));
    }

    static double[] flatten(final RealMatrix m) {
        final double[] w = new double[m.getRowDimension() * m.getColumnDimension()];
        for (int o = 0; o < m.getRowDimension(); o++) {
            for (int i = 0; i < m.getColumnDimension(); i++) {
                w[o * m.getColumnDimension() + i] = m.getEntry(o, i);
            }
        }
        return w;
    }

    @Test
    void everyMethodRunsOnTheSameInstancesAndTheFilesAreWritten(@TempDir final Path dir) throws IOException {
        final LinearFamily family = new LinearFamily();
        final Deceptron exact = linearDeceptron(family, family.inverse(), family.matrix(), 12.0);
        final Map<ForwardFamily, DeceptronPair> models = new LinkedHashMap<>();
        models.put(family, new DeceptronPair(Optional.of(exact), Optional.of(exact)));
        final int[] calls = {0};
        final BenchRunner runner = new BenchRunner(4, 1, 99, List.of(BenchMethod.values()),
                (f, m, done, total) -> calls[0]++);
        final List<FamilyResults> results = runner.run(models);

        assertThat(calls[0]).isEqualTo(BenchRunner.plannedSolves(1, List.of(BenchMethod.values()), 4, 1));
        final FamilyResults r = results.get(0);
        assertThat(r.summaries()).extracting(MethodSummary::method)
                .containsExactly("dipg", "dipg-nojcp", "one-shot", "lm", "gn");
        final MethodSummary dipg = ResultsWriter.find(r, BenchMethod.DIPG);
        final MethodSummary lm = ResultsWriter.find(r, BenchMethod.LM);
        assertThat(dipg.successRate()).isEqualTo(1.0);
        assertThat(dipg.medianJacobianEvaluations()).isZero();
        assertThat(lm.successRate()).isEqualTo(1.0);
        assertThat(lm.medianJacobianEvaluations()).isPositive();
        assertThat(lm.speedupVsLm()).isEqualTo(1.0);
        assertThat(ResultsWriter.find(r, BenchMethod.ONE_SHOT).medianValueEvaluations()).isEqualTo(1.0);
        assertThat(r.traces()).containsKeys(BenchMethod.DIPG, BenchMethod.LM);
        assertThat(r.trainingSeconds()).isEqualTo(12.0);

        ResultsWriter.writeCsv(results, dir.resolve("results.csv"));
        final List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(csv.get(0)).isEqualTo("family,method,n,m,instances,success_rate,median_iterations,"
                + "median_value_evals,median_jacobian_evals,mean_x_rmse,median_ms,speedup_vs_lm");
        assertThat(csv).hasSize(1 + 5);
        assertThat(csv.get(4)).startsWith("linear-test,lm,12,12,4,1.0000,");
        final String md = ResultsWriter.markdown(results, "header line");
        assertThat(md).startsWith("header line").contains("| linear-test | dipg | 12 | 12 | 4 | 100% |")
                .contains("break-even");
        ResidualPlot.write(r, dir.resolve("plot.png"));
        final byte[] png = Files.readAllBytes(dir.resolve("plot.png"));
        assertThat(png.length).isGreaterThan(1000);
        assertThat(png[1]).isEqualTo((byte) 'P');
    }

    @Test
    void instancesAreDeterministicForASeedAndDifferAcrossSeeds() {
        final LinearFamily family = new LinearFamily();
        final List<Instance> a = new BenchRunner(3, 0, 5, List.of(BenchMethod.LM), BenchListener.NONE)
                .instances(family, 3, 0);
        final List<Instance> b = new BenchRunner(3, 0, 5, List.of(BenchMethod.LM), BenchListener.NONE)
                .instances(family, 3, 0);
        final List<Instance> c = new BenchRunner(3, 0, 6, List.of(BenchMethod.LM), BenchListener.NONE)
                .instances(family, 3, 0);
        assertThat(a.get(2).observed()).containsExactly(b.get(2).observed());
        assertThat(a.get(2).observed()).isNotEqualTo(c.get(2).observed());
    }

    @Test
    void summaryTakesMediansAndPerInstanceSpeedups() {
        final List<InstanceResult> lm = List.of(result(true, 100), result(true, 200), result(true, 300));
        final List<InstanceResult> fast = List.of(result(true, 10), result(false, 10), result(true, 100));
        final MethodSummary s = MethodSummary.of("f", "dipg", 3, 3, fast, lm);
        assertThat(s.successRate()).isEqualTo(2.0 / 3);
        assertThat(s.medianMillis()).isEqualTo(10.0);
        // per-instance ratios 10, 20, 3 -> median 10
        assertThat(s.speedupVsLm()).isEqualTo(10.0);
    }

    private static InstanceResult result(final boolean ok, final double ms) {
        return new InstanceResult(ok, 2, 3, 0, 0.1, 1.0, ms, null, List.of());
    }
}
