package org.deceptron.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;

import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.Instance;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/** The amortised linear inverse: its setup, its optimizer, its availability. */
class LinearInverseTest {

    private static final ForwardFamily HEAT = FamilyResolver.classpath().get("heat-1d");

    @Test
    void solvesHeat1dInstancesWithoutDerivativesAtSolveTime() {
        final LinearInverse inverse = LinearInverse.atPriorMean(HEAT, 2026);
        // setup: one evaluation at the prior mean, then its Jacobian: one linearization and n = 64 tangent products
        assertThat(inverse.setup().counts()).isEqualTo(new SolveCounts(2, 64, 0, 1, 0));
        assertThat(inverse.setup().lambda()).isPositive();
        final BenchRunner runner = new BenchRunner(1, 0, 2026, List.of(BenchMethod.LM), BenchListener.NONE);
        for (final Instance inst : runner.instances(HEAT, 8, 0)) {
            final SolveCounter counter = new SolveCounter();
            final ForwardFamily counted = ForwardFamily.of(new CountingModel(HEAT.model(), counter), HEAT.protocol());
            final FamilyProblem problem = FamilyProblemFactory.create(counted, inst.observed());
            final Optimum o = inverse.optimizer().optimize(problem);
            assertThat(HEAT.protocol().isSuccess(o.getRMS(), Stats.rmse(o.getPoint().toArray(), inst.truth())))
                    .isTrue();
            assertThat(o.getRMS()).isLessThanOrEqualTo(HEAT.protocol().tolerance());
            // one forward solve per evaluation, nothing else
            assertThat(counter.counts()).isEqualTo(new SolveCounts(o.getEvaluations(), 0, 0, 0, 0));
            assertThat(o.getIterations()).isPositive();
        }
    }

    @Test
    void theBenchRunsItAndReportsItsSetup() {
        final BenchRunner runner = new BenchRunner(3, 1, 2026, List.of(BenchMethod.LINEAR_INVERSE),
                BenchListener.NONE);
        final FamilyResults r = runner.run(java.util.Map.of(HEAT, new DeceptronPair(Optional.empty(),
                Optional.empty()))).get(0);
        assertThat(r.linearInverseSetup()).isPresent();
        final MethodSummary s = ResultsWriter.find(r, BenchMethod.LINEAR_INVERSE);
        assertThat(s.successRate()).isEqualTo(1.0);
        assertThat(s.medianJacobianEvaluations()).isZero();
        assertThat(s.work().tangentSolves()).isZero();
        assertThat(s.work().forwardSolves()).isEqualTo(s.medianValueEvaluations());
        assertThat(r.traces()).containsKey(BenchMethod.LINEAR_INVERSE);
        assertThat(ResultsWriter.markdown(List.of(r), "h")).contains("Linear inverse setup")
                .contains("| heat-1d | 64 | 64 |");
    }

    @Test
    void theEvaluationLimitOfTheProblemIsHonoured() {
        final Instance inst = HEAT.drawInstance(BenchRunner.random(5, "heat-1d", 0));
        final FamilyProblem limited = FamilyProblemFactory.create(HEAT.model(), HEAT.protocol().noiseLevel(),
                inst.observed(), HEAT.protocol().defaultStart(), HEAT.protocol().tolerance(), 1, 100);
        final LinearInverseOptimizer optimizer = LinearInverse.atPriorMean(HEAT, 1).optimizer();
        assertThatThrownBy(() -> optimizer.optimize(limited)).isInstanceOf(MathIllegalStateException.class);
    }

    @Test
    void aMatrixOfTheWrongShapeIsRefused() {
        final Instance inst = HEAT.drawInstance(BenchRunner.random(5, "heat-1d", 0));
        final LinearInverseOptimizer optimizer = new LinearInverseOptimizer(MatrixUtils.createRealMatrix(3, 64));
        assertThatThrownBy(() -> optimizer.optimize(FamilyProblemFactory.create(HEAT, inst.observed())))
                .isInstanceOf(MathIllegalArgumentException.class);
    }

    @Test
    void bothNormalSystemsGiveTheSameRegularisedInverse() {
        final Well19937a rng = new Well19937a(11);
        final double[][] w = new double[3][5];
        for (final double[] row : w) {
            for (int k = 0; k < row.length; k++) {
                row[k] = rng.nextGaussian();
            }
        }
        final RealMatrix wide = new Array2DRowRealMatrix(w);
        final double lambda = 0.3;
        final RealMatrix expected = new LUDecomposition(wide.transposeMultiply(wide)
                .add(MatrixUtils.createRealIdentityMatrix(5).scalarMultiply(lambda))).getSolver().solve(wide.transpose());
        final RealMatrix fromWide = LinearInverse.regularisedInverse(wide, lambda);
        final RealMatrix tall = wide.transpose();
        final RealMatrix fromTall = LinearInverse.regularisedInverse(tall, lambda);
        assertThat(fromWide.getRowDimension()).isEqualTo(5);
        assertThat(fromWide.getColumnDimension()).isEqualTo(3);
        assertThat(fromWide.subtract(expected).getNorm1()).isCloseTo(0.0, within(1e-12));
        final RealMatrix expectedTall = new LUDecomposition(tall.transposeMultiply(tall)
                .add(MatrixUtils.createRealIdentityMatrix(3).scalarMultiply(lambda))).getSolver().solve(wide);
        assertThat(fromTall.subtract(expectedTall).getNorm1()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void largeFamiliesAreOutOfReachAndBadSettingsAreRefused() {
        final ForwardFamily large = FamilyResolver.classpath().heat2d(65);
        assertThat(LinearInverse.isFeasible(large.model())).isFalse();
        assertThat(LinearInverse.isFeasible(HEAT.model())).isTrue();
        assertThat(BenchRunner.unavailable(large, new DeceptronPair(Optional.empty(), Optional.empty()),
                BenchMethod.LINEAR_INVERSE)).hasValueSatisfying(r -> assertThat(r).contains("out of reach"));
        assertThatThrownBy(() -> LinearInverse.atPriorMean(large, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of reach");
        assertThatThrownBy(() -> LinearInverse.atPriorMean(HEAT, 1, 0.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
