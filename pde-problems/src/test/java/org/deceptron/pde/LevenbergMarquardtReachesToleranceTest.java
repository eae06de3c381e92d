package org.deceptron.pde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.Instance;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hipparchus LM with default settings, from the family's default start, reaches the family's tolerance on three
 * noisy instances of every family (x_true from the prior, y = F(x_true) + noise N(0,1)); Allen-Cahn also meets its
 * x-RMSE success threshold.
 */
class LevenbergMarquardtReachesToleranceTest {

    static Stream<ForwardFamily> families() {
        return Families.all().stream();
    }

    @ParameterizedTest
    @MethodSource("families")
    void levenbergMarquardtReachesTheTolerance(final ForwardFamily f) {
        final RandomGenerator random = new Well19937a(2024);
        for (int instance = 0; instance < 3; instance++) {
            final Instance drawn = f.drawInstance(random);
            final double[] truth = drawn.truth();
            final FamilyProblem problem = FamilyProblemFactory.create(f, drawn.observed());
            final LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
            assertThat(optimum.getRMS()).as("%s instance %d", f.id(), instance).isLessThanOrEqualTo(f.protocol().tolerance());
            assertThat(optimum.getEvaluations()).isLessThanOrEqualTo(FamilyProblemFactory.DEFAULT_MAX_EVALUATIONS);
            final double threshold = f.protocol().successXRmse();
            if (!Double.isNaN(threshold)) {
                assertThat(drawn.xRmse(optimum.getPoint().toArray())).as("%s x-RMSE", f.id())
                        .isLessThanOrEqualTo(threshold);
            }
        }
    }
}
