package org.deceptron.dipg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.Instance;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/** D-IPG on a synthetic family whose exact local inverse is known, against Hipparchus LM. */
class DipgOptimizerSyntheticTest {

    private static final int N = 24;

    private final SyntheticFamily family = new SyntheticFamily(N, 0.05, 42);

    private FamilyProblem problem(final Instance instance) {
        return FamilyProblemFactory.create(family, instance.observed());
    }

    private MatrixDeceptron exactInverse() {
        return new MatrixDeceptron(family.id(), family.fingerprint(), family.inverse(), family.matrix(), "exact-inverse");
    }

    @Test
    void exactInverseConvergesInAFewIterationsWithoutJacobianAndLandsWhereLmLands() {
        final DipgOptimizer dipg = new DipgOptimizer().withDeceptrons(exactInverse());
        final LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer();
        final RandomGenerator rng = new Well19937a(7);
        int dipgIterations = 0;
        int lmIterations = 0;
        for (int k = 0; k < 10; k++) {
            final Instance instance = family.drawInstance(rng);
            final double[] xTrue = instance.truth();
            final FamilyProblem problem = problem(instance);
            final DipgOptimum d = dipg.optimize(problem);
            final Optimum l = lm.optimize(problem);
            assertThat(d.getRMS()).isLessThanOrEqualTo(family.tolerance());
            assertThat(l.getRMS()).isLessThanOrEqualTo(family.tolerance());
            assertThat(d.getJacobianEvaluations()).isZero();
            assertThat(d.getFallbacks()).isZero();
            assertThat(d.getDipgSteps()).isBetween(1, 4);
            assertThat(d.getIterations()).isEqualTo(d.getDipgSteps());
            assertThat(d.getDeceptronName()).contains("exact-inverse");
            assertThat(d.getStopReason()).isEqualTo(StopReason.CHECKER);
            // both fit to the noise: the points differ by about noise / singular value
            assertThat(d.getPoint().getDistance(l.getPoint()) / Math.sqrt(N)).isLessThan(0.05);
            assertThat(d.getPoint().getDistance(new org.hipparchus.linear.ArrayRealVector(xTrue)) / Math.sqrt(N))
                    .isLessThan(0.05);
            // the RJCP measured along the path (at the steps whose two ends needed g(F(x)) anyway: not the first,
            // one-shot step, nor the last) is small: g is the inverse of the linear part
            assertThat(d.getRjcpPath().length).isLessThanOrEqualTo(Math.max(0, d.getDipgSteps() - 2));
            assertThat(java.util.Arrays.stream(d.getRjcpPath()).allMatch(v -> v < 0.05)).isTrue();
            dipgIterations += d.getIterations();
            lmIterations += l.getIterations();
        }
        assertThat(dipgIterations).isLessThanOrEqualTo(lmIterations);
    }

    @Test
    void counterAccountingMatchesTheProblemCounters() {
        final DipgOptimizer dipg = new DipgOptimizer().withDeceptrons(exactInverse());
        final RandomGenerator rng = new Well19937a(8);
        final Instance instance = family.drawInstance(rng);
        final DipgOptimum d = dipg.optimize(problem(instance));
        // every evaluation is a forward solve on the learned path: start + accepted and rejected trials
        assertThat(d.getEvaluations()).isEqualTo(d.getValueEvaluations());
        assertThat(d.getEvaluations()).isGreaterThanOrEqualTo(1 + d.getDipgSteps());
    }

    @Test
    void paperVariantAlsoConvergesWithExactInverse() {
        final DipgOptimizer dipg = new DipgOptimizer().withDeceptrons(exactInverse())
                .withStepVariant(StepVariant.PAPER).withRelaxation(0.4);
        final RandomGenerator rng = new Well19937a(9);
        final Instance instance = family.drawInstance(rng);
        final DipgOptimum d = dipg.optimize(problem(instance));
        assertThat(d.getRMS()).isLessThanOrEqualTo(family.tolerance());
        assertThat(d.getJacobianEvaluations()).isZero();
    }

    @Test
    void uselessDeceptronStillConvergesThroughFallbackAsOftenAsLm() {
        final RandomGenerator weights = new Well19937a(1234);
        final double[][] g = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                g[i][j] = weights.nextGaussian();
            }
        }
        final RealMatrix random = new Array2DRowRealMatrix(g, false);
        final DipgOptimizer dipg = new DipgOptimizer().withDeceptrons(
                new MatrixDeceptron(family.id(), family.fingerprint(), random, random, "random"));
        final LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer();
        final RandomGenerator rng = new Well19937a(11);
        int dipgSuccess = 0;
        int lmSuccess = 0;
        int fallbacks = 0;
        for (int k = 0; k < 10; k++) {
            final Instance instance = family.drawInstance(rng);
            final FamilyProblem problem = problem(instance);
            final DipgOptimum d = dipg.optimize(problem);
            final Optimum l = lm.optimize(problem);
            dipgSuccess += d.getRMS() <= family.tolerance() ? 1 : 0;
            lmSuccess += l.getRMS() <= family.tolerance() ? 1 : 0;
            fallbacks += d.getFallbacks();
            assertThat(d.getFallbacks()).isPositive();
            assertThat(d.getFallbackIterations()).isPositive();
            assertThat(d.getJacobianEvaluations()).isPositive();
            assertThat(d.getRMS()).isLessThanOrEqualTo(family.tolerance());
        }
        assertThat(dipgSuccess).isGreaterThanOrEqualTo(lmSuccess).isEqualTo(10);
        assertThat(fallbacks).isGreaterThanOrEqualTo(10);
    }

    @Test
    void noFallbackPolicyStopsLikeThePaper() {
        final RealMatrix zero = new Array2DRowRealMatrix(N, N);
        final DipgOptimizer dipg = new DipgOptimizer()
                .withDeceptrons(new MatrixDeceptron(family.id(), family.fingerprint(), zero, zero, "zero"))
                .withFallbackPolicy(FallbackPolicy.NONE);
        final RandomGenerator rng = new Well19937a(12);
        final Instance instance = family.drawInstance(rng);
        final DipgOptimum d = dipg.optimize(problem(instance));
        assertThat(d.getStopReason()).isEqualTo(StopReason.NO_ACCEPTABLE_STEP);
        assertThat(d.getDipgSteps()).isZero();
        assertThat(d.getJacobianEvaluations()).isZero();
        assertThat(d.getPoint().toArray()).containsOnly(0.0);
    }

    @Test
    void withoutDeceptronItIsLevenbergMarquardt() {
        final DipgOptimizer dipg = new DipgOptimizer().withRegistry(
                org.deceptron.dipg.registry.DeceptronRegistry.empty());
        final LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer();
        final RandomGenerator rng = new Well19937a(13);
        final Instance instance = family.drawInstance(rng);
        final FamilyProblem problem = problem(instance);
        final DipgOptimum d = dipg.optimize(problem);
        final Optimum l = lm.optimize(problem);
        assertThat(d.getPoint().toArray()).containsExactly(l.getPoint().toArray());
        assertThat(d.getIterations()).isEqualTo(l.getIterations());
        assertThat(d.getEvaluations()).isEqualTo(l.getEvaluations());
        assertThat(d.getDeceptronName()).isEmpty();
        assertThat(d.getDeceptronStatus()).contains("no Deceptron registered for family synthetic");
        assertThat(d.getDipgSteps()).isZero();
    }

    @Test
    void mismatchedFingerprintIsRefusedWithAReasonAndLmIsUsed() {
        final MatrixDeceptron stale = new MatrixDeceptron(family.id(), "some-old-fingerprint", family.inverse(),
                family.matrix(), "stale");
        final RandomGenerator rng = new Well19937a(14);
        final Instance instance = family.drawInstance(rng);
        final DipgOptimum d = new DipgOptimizer().withDeceptrons(stale)
                .optimize(problem(instance));
        assertThat(d.getDeceptronName()).isEmpty();
        assertThat(d.getDeceptronStatus()).contains("stale").contains("fingerprint mismatch")
                .contains("some-old-fingerprint");
        assertThat(d.getRMS()).isLessThanOrEqualTo(family.tolerance());
    }

    @Test
    void traceRecordsEveryEvaluation() {
        final RandomGenerator rng = new Well19937a(15);
        final Instance instance = family.drawInstance(rng);
        final DipgOptimum d = new DipgOptimizer().withDeceptrons(exactInverse()).withTrace(true)
                .optimize(problem(instance));
        assertThat(d.getTrace()).hasSize(d.getValueEvaluations());
        assertThat(d.getTrace().get(d.getTrace().size() - 1).getRms()).isEqualTo(d.getRMS(), within(1e-12));
    }
}
