package org.deceptron.dipg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.spi.FamilyProblem;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.exception.NullArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/** LM's contract on the D-IPG path: limits, box projection, covariances, settings, threads. */
class DipgOptimizerContractTest {

    private static final int N = 16;

    private final SyntheticFamily family = new SyntheticFamily(N, 0.05, 3);

    private final MatrixDeceptron exact = new MatrixDeceptron(family.id(), family.fingerprint(), family.inverse(),
            family.matrix(), "exact");

    private double[] observation(final long seed) {
        return family.drawInstance(new Well19937a(seed)).observed();
    }

    private MatrixDeceptron useless() {
        final RandomGenerator weights = new Well19937a(99);
        final double[][] g = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                g[i][j] = weights.nextGaussian();
            }
        }
        final RealMatrix m = new Array2DRowRealMatrix(g, false);
        return new MatrixDeceptron(family.id(), family.fingerprint(), m, m, "useless");
    }

    @Test
    void maxEvaluationsOnTheLearnedPathThrowsMaxCountExceededWithTheLimit() {
        // without a safety net (FallbackPolicy.NONE) the learned path has the whole budget and exhausts it
        final FamilyProblem p = FamilyProblemFactory.create(family, family.noiseLevel(), observation(1),
                family.defaultStart(), 1e-9, 5, 100);
        assertMaxCountExceeded(() -> new DipgOptimizer().withDeceptrons(exact).withFallbackPolicy(FallbackPolicy.NONE)
                .optimize(p), 5);
    }

    @Test
    void maxEvaluationsThrowMaxCountExceededWithTheLimitWhereLevenbergMarquardtDoes() {
        // the learned path keeps half of the budget for Levenberg-Marquardt: D-IPG throws when LM alone does, with
        // the original limit
        final FamilyProblem p = FamilyProblemFactory.create(family, family.noiseLevel(), observation(1),
                family.defaultStart(), 1e-9, 2, 100);
        assertMaxCountExceeded(() -> new LevenbergMarquardtOptimizer().optimize(p), 2);
        assertMaxCountExceeded(() -> new DipgOptimizer().withDeceptrons(useless()).optimize(p), 2);
        assertMaxCountExceeded(() -> new DipgOptimizer().withDeceptrons(exact).optimize(p), 2);
    }

    @Test
    void maxIterationsOnTheLearnedPathThrowsMaxCountExceededWithTheLimit() {
        // tolerance far below the noise: never reached
        final FamilyProblem p = FamilyProblemFactory.create(family, family.noiseLevel(), observation(2),
                family.defaultStart(), 1e-9,
                10_000, 7);
        assertMaxCountExceeded(() -> new DipgOptimizer().withDeceptrons(exact).withFallbackPolicy(FallbackPolicy.NONE)
                .withAcceptanceConstant(1e-12).optimize(p), 7);
    }

    private static void assertMaxCountExceeded(final org.assertj.core.api.ThrowableAssert.ThrowingCallable solve,
                                               final int limit) {
        assertThatThrownBy(solve)
                .isInstanceOf(MathIllegalStateException.class)
                .satisfies(e -> {
                    final MathIllegalStateException ise = (MathIllegalStateException) e;
                    assertThat(ise.getSpecifier()).isEqualTo(LocalizedCoreFormats.MAX_COUNT_EXCEEDED);
                    assertThat(ise.getParts()).containsExactly(limit);
                });
    }

    @Test
    void boxIsHonouredOnTheLearnedPath() {
        // observations of a point far outside the box: the solution must stay in [-2, 2]
        final double[] outside = new double[N];
        java.util.Arrays.fill(outside, 1.9);
        final double[] y = new SyntheticFamily(N, 0.05, 3).matrix().scalarMultiply(2.0).operate(outside);
        final DipgOptimum d = new DipgOptimizer().withDeceptrons(exact).optimize(FamilyProblemFactory.create(family, y,
                family.defaultStart()));
        for (final double v : d.getPoint().toArray()) {
            assertThat(v).isBetween(-2.0, 2.0);
        }
    }

    @Test
    void covariancesAreThoseOfTheProblemEvaluationAtTheReturnedPoint() {
        final FamilyProblem p = FamilyProblemFactory.create(family, observation(3), family.defaultStart());
        final DipgOptimum d = new DipgOptimizer().withDeceptrons(exact).optimize(p);
        final RealMatrix expected = p.evaluate(d.getPoint()).getCovariances(1e-14);
        final RealMatrix actual = d.getCovariances(1e-14);
        assertThat(actual.subtract(expected).getNorm1()).isLessThan(1e-12 * expected.getNorm1());
        assertThat(d.getSigma(1e-14).getDimension()).isEqualTo(N);
    }

    @Test
    void invalidSettingsAreRefusedWithTheSettingNamed() {
        final DipgOptimizer o = new DipgOptimizer();
        assertThatThrownBy(() -> o.withStepSize(0)).isInstanceOf(MathIllegalArgumentException.class)
                .hasMessageContaining("step size");
        assertThatThrownBy(() -> o.withRelaxation(1.5)).hasMessageContaining("relaxation");
        assertThatThrownBy(() -> o.withMaxBacktracks(-1)).hasMessageContaining("backtracking");
        assertThatThrownBy(() -> o.withAcceptanceConstant(1)).hasMessageContaining("acceptance");
        assertThatThrownBy(() -> o.withFallbackIterations(0)).hasMessageContaining("fallback");
        assertThatThrownBy(() -> o.withRjcpGate(0)).hasMessageContaining("RJCP");
        assertThatThrownBy(() -> o.withStallDetection(0, 0.5)).hasMessageContaining("stall");
    }

    @Test
    void everySettingIsCheckedTheSameWay() {
        final DipgOptimizer o = new DipgOptimizer();
        assertThatThrownBy(() -> o.withMaxBacktracks(61)).isInstanceOf(MathIllegalArgumentException.class)
                .satisfies(e -> assertThat(((MathIllegalArgumentException) e).getSpecifier())
                        .isEqualTo(DipgFormats.INVALID_SETTING));
        assertThatThrownBy(() -> o.withKrylovDimension(201)).isInstanceOf(MathIllegalArgumentException.class)
                .hasMessageContaining("Krylov dimension");
        assertThatThrownBy(() -> o.withStallDetection(3, 1.0)).isInstanceOf(MathIllegalArgumentException.class)
                .hasMessageContaining("stall reduction");
        assertThatThrownBy(() -> o.withStepVariant(null)).isInstanceOf(NullArgumentException.class);
        assertThatThrownBy(() -> o.withFallbackPolicy(null)).isInstanceOf(NullArgumentException.class);
        assertThatThrownBy(() -> o.withLevenbergMarquardt(null)).isInstanceOf(NullArgumentException.class);
        assertThatThrownBy(() -> o.withRegistry(null)).isInstanceOf(NullArgumentException.class);
        // a refused value leaves the optimizer as it was
        assertThat(o.getMaxBacktracks()).isEqualTo(8);
        assertThat(o.getKrylovDimension()).isEqualTo(20);
    }

    @Test
    void reportsSummariseTheSolve() {
        final DipgOptimum d = new DipgOptimizer().withDeceptrons(exact).optimize(FamilyProblemFactory.create(family, observation(4),
                family.defaultStart()));
        assertThat(d.briefReport()).startsWith("D-IPG: CHECKER, rms ")
                .contains(d.getIterations() + " iterations (" + d.getDipgSteps()
                        + " learned, 0 Krylov, 0 LM in 0 fallbacks)")
                .contains(d.getEvaluations() + " evaluations (" + d.getValueEvaluations()
                        + " forward, 0 Jacobian, 0 tangent)")
                .doesNotContain("\n");
        assertThat(d.fullReport()).contains("Deceptron          exact").contains("Termination        CHECKER")
                .contains("  learned steps    " + d.getDipgSteps()).contains("RJCP               " + d.getRjcpPath().length
                        + " values");
        final DipgOptimum lm = new DipgOptimizer().withRegistry(org.deceptron.dipg.registry.DeceptronRegistry.empty())
                .optimize(FamilyProblemFactory.create(family, observation(4), family.defaultStart()));
        assertThat(lm.briefReport()).startsWith("D-IPG: LEVENBERG_MARQUARDT").contains("0 learned");
        assertThat(lm.fullReport()).contains("none (Levenberg-Marquardt)").contains("0 values, final NaN");
    }

    @Test
    void withCopiesAreIndependent() {
        final DipgOptimizer a = new DipgOptimizer();
        final DipgOptimizer b = a.withRelaxation(0.4).withStepVariant(StepVariant.PAPER);
        assertThat(a.getRelaxation()).isEqualTo(1.0);
        assertThat(a.getStepVariant()).isEqualTo(StepVariant.BIAS_CORRECTED);
        assertThat(b.getRelaxation()).isEqualTo(0.4);
        assertThat(b.getStepVariant()).isEqualTo(StepVariant.PAPER);
    }

    @Test
    void badProblemInputIsRefused() {
        assertThatThrownBy(() -> FamilyProblemFactory.create(family, new double[N - 1], family.defaultStart()))
                .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("observed has length 15");
        final double[] nan = new double[N];
        nan[3] = Double.NaN;
        assertThatThrownBy(() -> FamilyProblemFactory.create(family, nan, family.defaultStart()))
                .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("non-finite");
    }

    @Test
    void manyThreadsShareOneOptimizer() throws Exception {
        final DipgOptimizer dipg = new DipgOptimizer().withDeceptrons(exact);
        final LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer();
        final ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            final List<Future<double[]>> futures = new ArrayList<>();
            for (int k = 0; k < 32; k++) {
                final long seed = 100 + k;
                futures.add(pool.submit(() -> dipg.optimize(FamilyProblemFactory.create(family, observation(seed),
                        family.defaultStart())).getPoint().toArray()));
            }
            for (int k = 0; k < 32; k++) {
                final double[] expected = dipg.optimize(FamilyProblemFactory.create(family, observation(100 + k),
                        family.defaultStart())).getPoint().toArray();
                assertThat(futures.get(k).get()).containsExactly(expected);
                assertThat(lm.optimize(FamilyProblemFactory.create(family, observation(100 + k), family.defaultStart())).getRMS())
                        .isLessThanOrEqualTo(family.tolerance());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
