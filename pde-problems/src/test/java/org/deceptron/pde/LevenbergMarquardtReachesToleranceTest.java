package org.deceptron.pde;

import org.deceptron.dipg.problem.FamilyProblemFactory;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardFamily;
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
            final double[] truth = f.protocol().samplePrior(random);
            final double[] y = f.model().value(truth);
            for (int i = 0; i < y.length; i++) {
                y[i] += f.protocol().noiseLevel() * random.nextGaussian();
            }
            final FamilyProblem problem = FamilyProblemFactory.create(f, y, f.protocol().defaultStart());
            final LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
            assertThat(optimum.getRMS()).as("%s instance %d", f.id(), instance).isLessThanOrEqualTo(f.protocol().tolerance());
            assertThat(optimum.getEvaluations()).isLessThanOrEqualTo(FamilyProblemFactory.DEFAULT_MAX_EVALUATIONS);
            final double threshold = f.protocol().successXRmse();
            if (!Double.isNaN(threshold)) {
                final double[] x = optimum.getPoint().toArray();
                double se = 0;
                for (int i = 0; i < x.length; i++) {
                    se += (x[i] - truth[i]) * (x[i] - truth[i]);
                }
                assertThat(Math.sqrt(se / x.length)).as("%s x-RMSE", f.id()).isLessThanOrEqualTo(threshold);
            }
        }
    }
}
