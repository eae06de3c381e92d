package org.deceptron.pde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.deceptron.dipg.krylov.GaussNewtonKrylovOptimizer;
import org.deceptron.dipg.krylov.JacobianOperators;
import org.deceptron.dipg.krylov.KrylovOptimum;
import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.ForwardingLinearization;
import org.deceptron.dipg.spi.ForwardingModel;
import org.deceptron.dipg.spi.Instance;
import org.deceptron.dipg.spi.Linearization;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matrix-free Gauss-Newton-Krylov optimizer on every registered family: it reaches the family's tolerance on
 * the instances Levenberg-Marquardt solves, its solution agrees with Levenberg-Marquardt's as well as either agrees
 * with the truth, and it never forms a Jacobian (the model's {@code jacobian} throws here).
 */
class GaussNewtonKrylovAgreesWithLevenbergMarquardtTest {

    static Stream<ForwardFamily> families() {
        return Families.all().stream();
    }

    @ParameterizedTest
    @MethodSource("families")
    void matrixFreeGaussNewtonKrylovAgreesWithLevenbergMarquardt(final ForwardFamily f) {
        final NoJacobian model = new NoJacobian(f);
        final ForwardFamily guarded = ForwardFamily.of(model, f.protocol());
        final RandomGenerator random = new Well19937a(2025);
        for (int instance = 0; instance < 3; instance++) {
            final Instance drawn = f.drawInstance(random);
            final FamilyProblem problem = FamilyProblemFactory.create(guarded, drawn.observed());
            assertThat(JacobianOperators.forProblem(problem).isMatrixFree()).isTrue();
            final KrylovOptimum gnk = new GaussNewtonKrylovOptimizer().optimize(problem);
            final LeastSquaresOptimizer.Optimum lm = new LevenbergMarquardtOptimizer()
                    .optimize(FamilyProblemFactory.create(f, drawn.observed()));
            assertThat(gnk.getRMS()).as("%s instance %d", f.id(), instance)
                    .isLessThanOrEqualTo(f.protocol().tolerance());
            assertThat(gnk.getTangentProducts()).isPositive();
            assertThat(gnk.getAdjointProducts()).isGreaterThan(gnk.getTangentProducts());
            assertThat(gnk.getLinearizations()).isEqualTo(gnk.getIterations());
            final double[] x = gnk.getPoint().toArray();
            final double[] y = lm.getPoint().toArray();
            final double apart = rmse(x, y);
            final double worst = Math.max(drawn.xRmse(x), drawn.xRmse(y));
            assertThat(apart).as("%s: ||x_gnk - x_lm|| vs the error of either", f.id())
                    .isLessThanOrEqualTo(2 * worst);
            assertThat(model.jacobians).isZero();
        }
    }

    /**
     * RMS difference.
     * @param a a vector
     * @param b a vector
     * @return the RMS of a - b
     */
    private static double rmse(final double[] a, final double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s / a.length);
    }

    /** A family's model whose Jacobian must not be asked for (counted, and it throws). */
    private static final class NoJacobian extends ForwardingModel {

        /** Jacobians asked for. */
        int jacobians;

        NoJacobian(final ForwardFamily f) {
            super(f.model());
        }

        @Override
        public RealMatrix jacobian(final double[] x) {
            jacobians++;
            throw new IllegalStateException("a matrix-free optimizer asked for the Jacobian");
        }

        @Override
        public Linearization linearize(final double[] x) {
            return new ForwardingLinearization(super.linearize(x)) {
                @Override
                public RealMatrix jacobian() {
                    jacobians++;
                    throw new IllegalStateException("a matrix-free optimizer asked for the Jacobian");
                }
            };
        }
    }
}
