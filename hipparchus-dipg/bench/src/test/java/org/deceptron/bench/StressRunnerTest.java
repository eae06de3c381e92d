package org.deceptron.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deceptron.dipg.registry.DeceptronLookup;
import org.deceptron.dipg.registry.DeceptronRegistry;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronSession;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.Instance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stress suite ({@code dipg bench --stress}) end to end inside {@code mvn verify}: on the bench's linear test
 * family with an exact-inverse Deceptron and on the shipped heat-1d family and model, few instances. Behaviour and
 * counts only: the target (D-IPG >= LM) is measured by the suite, not asserted here.
 */
class StressRunnerTest {

    private static Deceptron exact(final LinearFamily family) {
        return BenchRunnerTest.linearDeceptron(family, family.inverse(), family.matrix(), 12.0);
    }

    private static StressRow row(final List<StressRow> rows, final StressScenario s) {
        return rows.stream().filter(r -> r.scenario() == s).findFirst().orElseThrow();
    }

    /** Checks what every run must show, whatever the family. */
    private static void assertSuiteShape(final List<StressRow> rows, final String family, final int instances) {
        assertThat(rows).extracting(StressRow::scenario).containsExactly(StressScenario.values());
        for (final StressRow r : rows) {
            assertThat(r.family()).isEqualTo(family);
            for (final StressSummary s : List.of(r.dipg(), r.lm())) {
                assertThat(s.scenario()).isEqualTo(r.scenario());
                assertThat(s.instances()).isEqualTo(instances);
                assertThat(s.outcomes()).hasSize(instances);
                assertThat(s.successRate()).isBetween(0.0, 1.0);
                for (final StressOutcome o : s.outcomes()) {
                    // a solve either threw (with its message) or reported its counts
                    assertThat(o.threw() ? o.failure() : "counts").isNotBlank();
                    if (!o.threw()) {
                        assertThat(o.jacobianEvaluations()).isNotNegative();
                        assertThat(o.valueEvaluations()).isPositive();
                    }
                }
            }
            assertThat(r.dipg().method()).isEqualTo(BenchMethod.DIPG);
            assertThat(r.lm().method()).isEqualTo(BenchMethod.LM);
            assertThat(r.lm().failures()).isZero();
        }
        // the refused model: D-IPG runs as LM (no learned step, LM's successes and Jacobians on every instance)
        final StressRow changed = row(rows, StressScenario.CHANGED_CONSTANT);
        assertThat(changed.dipg().failures()).isZero();
        assertThat(changed.dipg().medianLearnedSteps()).isZero();
        assertThat(changed.dipg().outcomes()).allSatisfy(o -> assertThat(o.learnedSteps()).isZero());
        assertThat(changed.dipg().statuses()).isNotEmpty().allSatisfy(s -> assertThat(s)
                .contains("refused").contains("fingerprint mismatch").contains(StressModels.CHANGED_SUFFIX));
        assertThat(changed.dipg().successRate()).isEqualTo(changed.lm().successRate());
        assertThat(changed.dipg().medianJacobianEvaluations()).isEqualTo(changed.lm().medianJacobianEvaluations());
        for (int i = 0; i < instances; i++) {
            assertThat(changed.dipg().outcomes().get(i).jacobianEvaluations())
                    .isEqualTo(changed.lm().outcomes().get(i).jacobianEvaluations());
            assertThat(changed.dipg().outcomes().get(i).success())
                    .isEqualTo(changed.lm().outcomes().get(i).success());
        }
        // the noise floor is reachable at a x5 tolerance
        assertThat(row(rows, StressScenario.NOISE_X5_TOLERANCE_X5).lm().successRate()).isEqualTo(1.0);
        // the NaN model is accepted by the registry: whatever D-IPG does with it (today it may throw), it is recorded
        final StressSummary nan = row(rows, StressScenario.NAN_MODEL).dipg();
        for (final StressOutcome o : nan.outcomes()) {
            if (o.threw()) {
                assertThat(o.success()).isFalse();
            } else {
                assertThat(o.deceptronStatus()).startsWith("using Deceptron").contains("[NaN inverse]");
            }
        }
    }

    @Test
    void everyScenarioRunsBothMethodsOnTheLinearFamilyAndTheFilesAreWritten(@TempDir final Path dir)
            throws IOException {
        final LinearFamily family = new LinearFamily();
        final Map<ForwardFamily, Deceptron> models = new LinkedHashMap<>();
        models.put(family, exact(family));
        final List<String> events = new ArrayList<>();
        final int[] last = {0, 0};
        final StressRunner runner = new StressRunner(3, 1, 11, (f, s, m, done, total) -> {
            events.add(f + " " + s.label() + " " + m.label());
            last[0] = done;
            last[1] = total;
        });
        final List<StressRow> rows = runner.run(models);

        final int planned = StressRunner.plannedSolves(1, StressScenario.values().length, 3, 1);
        assertThat(planned).isEqualTo(2 * (1 + 6 * 3));
        assertThat(events).hasSize(planned);
        assertThat(last).containsExactly(planned, planned);
        assertThat(events).contains("linear-test changed-constant dipg", "linear-test nan-model lm");
        assertSuiteShape(rows, "linear-test", 3);
        // the exact inverse on nominal data: every solve succeeds without a Jacobian, LM needs some
        final StressRow nominal = row(rows, StressScenario.NOMINAL);
        assertThat(nominal.dipg().successRate()).isEqualTo(1.0);
        assertThat(nominal.dipg().medianJacobianEvaluations()).isZero();
        assertThat(nominal.dipg().medianLearnedSteps()).isPositive();
        assertThat(nominal.dipg().statuses()).containsExactly("using Deceptron exact for family linear-test");
        assertThat(nominal.lm().successRate()).isEqualTo(1.0);
        assertThat(nominal.lm().medianJacobianEvaluations()).isPositive();
        assertThat(nominal.targetMet()).isTrue();

        StressWriter.writeCsv(rows, dir.resolve("stress.csv"));
        final List<String> csv = Files.readAllLines(dir.resolve("stress.csv"));
        assertThat(csv).hasSize(1 + StressScenario.values().length);
        assertThat(csv.get(0)).isEqualTo(StressWriter.CSV_HEADER);
        for (int i = 0; i < StressScenario.values().length; i++) {
            assertThat(csv.get(1 + i)).startsWith("linear-test," + StressScenario.values()[i].label() + ",3,");
        }
        assertThat(csv.get(1)).startsWith("linear-test,nominal,3,1.0000,1.0000,0.0,").contains(",true,");
        assertThat(csv.get(6)).contains("fingerprint mismatch");

        final String md = StressWriter.markdown(rows, "header line");
        Files.writeString(dir.resolve("stress.md"), md);
        assertThat(md).startsWith("header line\n\n| family | scenario | instances | D-IPG success | LM success |");
        assertThat(md.lines().filter(l -> l.startsWith("| linear-test | "))).hasSize(StressScenario.values().length);
        assertThat(md).contains("| linear-test | nominal | 3 | 100% | 100% | 0.0 |")
                .contains("| linear-test | changed-constant | 3 |")
                .contains("linear-test changed-constant: D-IPG status: `no usable Deceptron")
                .containsPattern("Target \\(.*\\): met on \\d of 6 rows\\.");
    }

    @Test
    void theShippedHeat1dFamilyAndModelRunTheSuite() throws IOException {
        final ForwardFamily family = FamilyResolver.classpath().get("heat-1d");
        final Deceptron jcp = new ModelLocator(null).find(family).jcp().orElseThrow();
        final List<StressRow> rows = new StressRunner(2, 0, 2026, StressListener.NONE).run(Map.of(family, jcp));
        assertSuiteShape(rows, "heat-1d", 2);
        assertThat(StressWriter.markdown(rows, "h").lines().filter(l -> l.startsWith("| heat-1d | ")))
                .hasSize(StressScenario.values().length);
    }

    @Test
    void scenariosRescaleTheNominalDrawsDeterministically() {
        final LinearFamily family = new LinearFamily();
        final Instance nominal = family.drawInstance(BenchRunner.random(5, family.id(), 0));
        final double[] mean = StressRunner.priorMean(family, 5);
        assertThat(StressRunner.priorMean(family, 5)).containsExactly(mean);
        assertThat(StressRunner.stress(family, StressScenario.NOMINAL, nominal, mean)).isSameAs(nominal);
        assertThat(StressRunner.stress(family, StressScenario.NAN_MODEL, nominal, mean)).isSameAs(nominal);

        final double[] x = nominal.truth();
        final double[] fx = family.value(x);
        final double[] y = nominal.observed();
        final Instance noisy = StressRunner.stress(family, StressScenario.NOISE_X5, nominal, mean);
        assertThat(noisy.truth()).containsExactly(x);
        assertThat(StressRunner.stress(family, StressScenario.NOISE_X5_TOLERANCE_X5, nominal, mean).observed())
                .containsExactly(noisy.observed());
        for (int k = 0; k < y.length; k++) {
            assertThat(noisy.observed()[k] - fx[k]).isCloseTo(5 * (y[k] - fx[k]),
                    org.assertj.core.data.Offset.offset(1e-12));
        }

        final Instance wide = StressRunner.stress(family, StressScenario.PRIOR_X1_5, nominal, mean);
        final double[] lo = family.lowerBounds();
        final double[] hi = family.upperBounds();
        final double[] fw = family.value(wide.truth());
        for (int i = 0; i < x.length; i++) {
            final double expected = Math.max(lo[i], Math.min(hi[i], mean[i] + 1.5 * (x[i] - mean[i])));
            assertThat(wide.truth()[i]).isEqualTo(expected);
            assertThat(wide.observed()[i] - fw[i]).isCloseTo(y[i] - fx[i], org.assertj.core.data.Offset.offset(1e-12));
        }
        // the prior's spread grew: x' is farther from the mean than x_true
        assertThat(Stats.rmse(wide.truth(), mean)).isGreaterThan(Stats.rmse(x, mean));

        // tolerances: the family's, x5 for the second noise scenario; weights from the family's noise level
        assertThat(StressRunner.problem(family, StressScenario.NOISE_X5, noisy).getTolerance()).isEqualTo(1.5);
        assertThat(StressRunner.problem(family, StressScenario.NOISE_X5_TOLERANCE_X5, noisy).getTolerance())
                .isEqualTo(7.5);
        assertThat(StressRunner.problem(family, StressScenario.NOISE_X5, noisy).getResidualScale().getEntry(0))
                .isEqualTo(family.noiseLevel());
    }

    @Test
    void hostileModelsKeepOrChangeTheirIdentityAsTheRegistryNeeds() {
        final LinearFamily family = new LinearFamily();
        final Deceptron d = exact(family);

        final Deceptron nan = StressModels.nanInverse(d);
        assertThat(nan.familyId()).isEqualTo(d.familyId());
        assertThat(nan.familyFingerprint()).isEqualTo(d.familyFingerprint());
        assertThat(nan.parameterSize()).isEqualTo(d.parameterSize());
        assertThat(nan.observationSize()).isEqualTo(d.observationSize());
        final DeceptronLookup accepted = DeceptronRegistry.of(nan).find(family);
        assertThat(accepted.getDeceptron()).containsSame(nan);
        final DeceptronSession session = nan.newSession();
        final double[] y = family.value(new double[LinearFamily.N]);
        final double[] x = new double[LinearFamily.N];
        final double[] dx = new double[LinearFamily.N];
        session.inverse(y, x);
        assertThat(x).containsOnly(Double.NaN);
        session.inverseJvp(y, y, x, dx);
        assertThat(x).containsOnly(Double.NaN);
        assertThat(dx).containsOnly(Double.NaN);
        final double[] f1 = new double[LinearFamily.N];
        final double[] f2 = new double[LinearFamily.N];
        session.forward(new double[LinearFamily.N], f1);
        d.newSession().forward(new double[LinearFamily.N], f2);
        assertThat(f1).containsExactly(f2);

        final Deceptron changed = StressModels.changedFingerprint(d);
        assertThat(changed.familyFingerprint()).isNotEqualTo(family.fingerprint());
        final DeceptronLookup refused = DeceptronRegistry.of(changed).find(family);
        assertThat(refused.getDeceptron()).isEmpty();
        assertThat(refused.getStatus()).contains("refused").contains("fingerprint mismatch");
    }

    @Test
    void targetNeedsSuccessAtLeastAndJacobiansAtMostLms() {
        assertThat(row(1.0, 0, 1.0, 5).targetMet()).isTrue();
        assertThat(row(1.0, 5, 1.0, 5).targetMet()).isTrue();
        assertThat(row(0.8, 0, 1.0, 5).targetMet()).isFalse();
        assertThat(row(1.0, 6, 1.0, 5).targetMet()).isFalse();
        assertThat(row(0.0, Double.NaN, 1.0, 5).targetMet()).isFalse();
        assertThat(row(0.0, Double.NaN, 0.0, Double.NaN).targetMet()).isTrue();
    }

    private static StressRow row(final double dipgSuccess, final double dipgJ, final double lmSuccess,
                                 final double lmJ) {
        return new StressRow("f", StressScenario.NOMINAL, summary(BenchMethod.DIPG, dipgSuccess, dipgJ),
                summary(BenchMethod.LM, lmSuccess, lmJ));
    }

    private static StressSummary summary(final BenchMethod m, final double success, final double j) {
        return new StressSummary("f", StressScenario.NOMINAL, m, 5, success, j, 3, 1, 0, 0, null, List.of(),
                List.of());
    }
}
