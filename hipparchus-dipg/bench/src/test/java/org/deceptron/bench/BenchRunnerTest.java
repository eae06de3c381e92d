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
                .containsExactly("dipg", "dipg-nojcp", "dipg-identity", "one-shot", "lm", "gn", "gn-krylov",
                        "linear-inverse");
        final MethodSummary dipg = ResultsWriter.find(r, BenchMethod.DIPG);
        final MethodSummary lm = ResultsWriter.find(r, BenchMethod.LM);
        assertThat(dipg.successRate()).isEqualTo(1.0);
        assertThat(dipg.medianJacobianEvaluations()).isZero();
        assertThat(lm.successRate()).isEqualTo(1.0);
        assertThat(lm.medianJacobianEvaluations()).isPositive();
        assertThat(lm.speedupVsLm()).isEqualTo(1.0);
        assertThat(ResultsWriter.find(r, BenchMethod.ONE_SHOT).medianValueEvaluations()).isEqualTo(1.0);
        assertThat(r.traces()).containsOnlyKeys(BenchMethod.DIPG, BenchMethod.GN_KRYLOV, BenchMethod.LINEAR_INVERSE,
                BenchMethod.LM);
        assertThat(r.skipped()).isEmpty();
        assertThat(r.linearInverseSetup()).isPresent();
        assertThat(r.trainingSeconds()).isEqualTo(12.0);

        ResultsWriter.writeCsv(results, dir.resolve("results.csv"));
        final List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(csv.get(0)).isEqualTo("family,method,n,m,instances,success_rate,median_iterations,"
                + "median_value_evals,median_jacobian_evals,mean_x_rmse,median_ms,speedup_vs_lm,"
                + "forward_solves,tangent_solves,adjoint_solves,g_evals,pde_solve_equivalents,mean_ms,p90_ms,"
                + "best_peer,speedup_vs_best_peer");
        assertThat(csv).hasSize(1 + 8);
        assertThat(csv.get(5)).startsWith("linear-test,lm,12,12,4,1.0000,");
        for (final String line : csv) {
            assertThat(line.split(",", -1)).hasSize(21);
        }
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

    @Test
    void everyMethodIsChargedItsOwnWork() {
        final LinearFamily family = new LinearFamily();
        final Deceptron exact = linearDeceptron(family, family.inverse(), family.matrix(), 12.0);
        final BenchRunner runner = new BenchRunner(3, 0, 5, List.of(BenchMethod.values()), BenchListener.NONE);
        final FamilyResults r = runner.run(Map.of(family, new DeceptronPair(Optional.of(exact), Optional.empty())))
                .get(0);
        final int n = LinearFamily.N;
        assertThat(r.skipped()).containsOnlyKeys(BenchMethod.DIPG_NOJCP);
        final WorkMedians dipg = ResultsWriter.find(r, BenchMethod.DIPG).work();
        assertThat(dipg.gEvaluations()).isPositive();
        assertThat(dipg.tangentSolves() + dipg.adjointSolves()).isZero();
        final MethodSummary lm = ResultsWriter.find(r, BenchMethod.LM);
        assertThat(lm.work().tangentSolves()).isEqualTo(n * lm.medianJacobianEvaluations());
        assertThat(lm.work().gEvaluations()).isZero();
        final MethodSummary krylov = ResultsWriter.find(r, BenchMethod.GN_KRYLOV);
        assertThat(krylov.successRate()).isEqualTo(1.0);
        assertThat(krylov.medianJacobianEvaluations()).isZero();
        assertThat(krylov.work().adjointSolves()).isPositive();
        assertThat(krylov.work().pdeSolveEquivalents()).isEqualTo(krylov.work().forwardSolves()
                + krylov.work().tangentSolves() + krylov.work().adjointSolves());
        final MethodSummary oneShot = ResultsWriter.find(r, BenchMethod.ONE_SHOT);
        assertThat(oneShot.work()).isEqualTo(new WorkMedians(1, 0, 0, 1, 1));
        assertThat(ResultsWriter.find(r, BenchMethod.DIPG).bestPeer()).isNotEmpty();
        assertThat(ResultsWriter.markdown(List.of(r), "h")).contains("Not run:")
                .contains("- linear-test, dipg-nojcp: no -JCP model").contains("against the best peer");
    }

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        final double[] ms = {5, 1, 4, 2, 3};
        assertThat(Stats.percentile(ms, 0.9)).isEqualTo(4.6, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Stats.percentile(ms, 0.5)).isEqualTo(Stats.median(ms));
        assertThat(Stats.percentile(new double[0], 0.9)).isNaN();
    }

    private static InstanceResult result(final boolean ok, final double ms) {
        return new InstanceResult(ok, 2, 3, 0, new SolveCounts(3, 0, 0, 0, 2), 0.1, 1.0, ms, null, List.of());
    }
}
