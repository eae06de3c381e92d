package org.deceptron.examples.sinegordon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;

import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.Instance;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/**
 * The inverse problem is well posed for the protocol: the truth scores about 1 (the noise floor) and Hipparchus'
 * Levenberg-Marquardt reaches the tolerance 1.5 from the default start.
 */
class SineGordon1dLmTest {

    /**
     * Normalised residual RMS of a point.
     * @param family the family
     * @param x the point
     * @param observed y*
     * @return sqrt(mean(((y* - F(x)) / noise)^2))
     */
    private static double rms(final ForwardFamily family, final double[] x, final double[] observed) {
        final double[] y = family.model().value(x);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            final double r = (observed[i] - y[i]) / family.protocol().noiseLevel();
            s += r * r;
        }
        return Math.sqrt(s / y.length);
    }

    @Test
    void isRegisteredThroughServiceLoader() {
        assertThat(ServiceLoader.load(ForwardFamily.class).stream().map(p -> p.get().id()))
                .contains(SineGordon1dFamily.ID);
    }

    @Test
    void truthScoresTheNoiseFloor() {
        final ForwardFamily family = new SineGordon1dFamily();
        final RandomGenerator r = new Well19937a(21);
        double sum = 0;
        final int count = 50;
        for (int k = 0; k < count; k++) {
            final Instance inst = family.drawInstance(r);
            sum += rms(family, inst.truth(), inst.observed());
        }
        System.out.printf("sine-gordon-1d: mean RMS of x_true over %d instances = %.3f%n", count, sum / count);
        assertThat(sum / count).isBetween(0.9, 1.1);
    }

    @Test
    void levenbergMarquardtReachesTheTolerance() {
        final ForwardFamily family = new SineGordon1dFamily();
        final RandomGenerator r = new Well19937a(22);
        final LeastSquaresOptimizer lm = new LevenbergMarquardtOptimizer();
        for (int k = 0; k < 5; k++) {
            final Instance inst = family.drawInstance(r);
            final FamilyProblem problem = FamilyProblemFactory.create(family, inst.observed());
            final long t0 = System.nanoTime();
            final LeastSquaresOptimizer.Optimum o = lm.optimize(problem);
            final double ms = (System.nanoTime() - t0) / 1e6;
            final double[] x = o.getPoint().toArray();
            final double rms = rms(family, x, inst.observed());
            System.out.printf("sine-gordon-1d LM: rms %.3f, x-rmse %.4f, %d iterations, %d evaluations, %.1f ms%n",
                              rms, inst.xRmse(x), o.getIterations(), o.getEvaluations(), ms);
            assertThat(rms).isLessThanOrEqualTo(family.protocol().tolerance());
            assertThat(family.protocol().isSuccess(rms, inst.xRmse(x))).isTrue();
        }
    }
}
