package org.deceptron.dipg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.spi.Derivative;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.ForwardingLinearization;
import org.deceptron.dipg.spi.ForwardingModel;
import org.deceptron.dipg.spi.Linearization;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/**
 * On a model with tangent and adjoint models, D-IPG's fallbacks and safety net are matrix-free
 * (Gauss-Newton-Krylov, no Jacobian), count every evaluation once, and stay as reliable as Levenberg-Marquardt
 * when the adjoint model fails.
 */
class MatrixFreeFallbackTest {

    private static final int N = 16;

    private final SyntheticFamily family = new SyntheticFamily(N, 0.02, 21);

    /** A reverse map pointing the wrong way: every learned step is rejected, so the solve needs its fallbacks. */
    private final MatrixDeceptron wrong = new MatrixDeceptron(family.id(), family.fingerprint(),
            family.inverse().scalarMultiply(-1), family.matrix(), "wrong-sign");

    private FamilyProblem problem(final ForwardModel model, final long seed) {
        final double[] y = family.drawInstance(new Well19937a(seed)).observed();
        return FamilyProblemFactory.create(model, family.noiseLevel(), y, family.defaultStart(), family.tolerance(),
                FamilyProblemFactory.DEFAULT_MAX_EVALUATIONS, FamilyProblemFactory.DEFAULT_MAX_ITERATIONS);
    }

    @Test
    void withTangentAndAdjointTheFallbacksNeverFormAJacobianAndCountEachEvaluationOnce() {
        for (long seed = 1; seed <= 4; seed++) {
            final WithAdjoint model = new WithAdjoint(family, false);
            final DipgOptimum d = new DipgOptimizer().withDeceptrons(wrong).withKrylovDimension(0)
                    .optimize(problem(model, seed));
            assertThat(d.getRMS()).as(d.briefReport()).isLessThanOrEqualTo(family.tolerance());
            assertThat(d.getFallbacks()).isPositive();
            assertThat(d.getDipgSteps()).isZero();
            assertThat(model.jacobians).isZero();
            assertThat(d.getJacobianEvaluations()).isZero();
            assertThat(d.getTangentEvaluations()).isPositive();
            // the evaluation at the fallback's start is reused, not counted again
            assertThat(d.getEvaluations()).isEqualTo(model.values).isEqualTo(d.getValueEvaluations());
        }
    }

    @Test
    void levenbergMarquardtPolicyKeepsTheDenseFallback() {
        final WithAdjoint model = new WithAdjoint(family, false);
        final DipgOptimum d = new DipgOptimizer().withDeceptrons(wrong).withKrylovDimension(0)
                .withFallbackPolicy(FallbackPolicy.LEVENBERG_MARQUARDT).optimize(problem(model, 3));
        assertThat(d.getRMS()).isLessThanOrEqualTo(family.tolerance());
        assertThat(model.jacobians).isPositive();
        assertThat(d.getEvaluations()).isEqualTo(model.values);
    }

    @Test
    void aFailingAdjointHandsTheFallbackToLevenbergMarquardt() {
        for (long seed = 1; seed <= 4; seed++) {
            final Optimum lm = new LevenbergMarquardtOptimizer().optimize(problem(family, seed));
            final WithAdjoint model = new WithAdjoint(family, true);
            final DipgOptimum d = new DipgOptimizer().withDeceptrons(wrong).withKrylovDimension(0)
                    .optimize(problem(model, seed));
            assertThat(lm.getRMS()).isLessThanOrEqualTo(family.tolerance());
            assertThat(d.getRMS()).as(d.briefReport()).isLessThanOrEqualTo(family.tolerance());
            assertThat(d.getKrylovDisabledReason()).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("adjoint model threw");
            assertThat(d.getEvaluations()).isEqualTo(model.values);
        }
    }

    /** The synthetic model with an adjoint model (J^T w), counting values and Jacobians; the adjoint may throw. */
    private static final class WithAdjoint extends ForwardingModel {

        /** Whether the adjoint throws. */
        private final boolean failing;

        /** Value evaluations. */
        int values;

        /** Jacobians formed. */
        int jacobians;

        WithAdjoint(final ForwardModel model, final boolean failing) {
            super(model);
            this.failing = failing;
        }

        @Override
        public double[] value(final double[] x) {
            values++;
            return super.value(x);
        }

        @Override
        public Set<Derivative> derivatives() {
            return EnumSet.of(Derivative.TANGENT, Derivative.ADJOINT);
        }

        @Override
        public Linearization linearize(final double[] x) {
            final Linearization l = super.linearize(x);
            return new ForwardingLinearization(l) {
                @Override
                public double[] vjp(final double[] w) {
                    if (failing) {
                        throw new IllegalStateException("adjoint solver diverged");
                    }
                    return l.jacobian().preMultiply(w);
                }

                @Override
                public RealMatrix jacobian() {
                    jacobians++;
                    return l.jacobian();
                }
            };
        }
    }
}
