package org.deceptron.dipg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.problem.MonitoredProblem;
import org.deceptron.dipg.spi.Derivative;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.ForwardingModel;
import org.deceptron.dipg.spi.Instance;
import org.deceptron.dipg.spi.Linearization;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/**
 * A forward model with nothing but {@code value} (a legacy simulator): legal in the SPI, solvable by LM through a
 * forward-difference Jacobian, and by D-IPG with no derivative at all (no Krylov step: it needs a tangent model).
 */
class ValueOnlyModelTest {

    private static final int N = 16;

    private final SyntheticFamily exact = new SyntheticFamily(N, 0.05, 42);

    /** The same map as {@link #exact}, with only {@code value}. */
    private final ForwardModel valueOnly = ForwardingModel.valueOnly(exact);

    private final ForwardFamily family = ForwardFamily.of(valueOnly, exact);

    @Test
    void declaresNoDerivativeAndRefusesToLinearize() {
        assertThat(valueOnly.derivatives()).isEmpty();
        assertThat(valueOnly.hasDerivative(Derivative.TANGENT)).isFalse();
        assertThatThrownBy(() -> valueOnly.linearize(new double[N])).isInstanceOf(MathIllegalStateException.class)
                .hasMessageContaining("has no tangent or adjoint model");
        assertThatThrownBy(() -> valueOnly.jvp(new double[N], new double[N]))
                .isInstanceOf(MathIllegalStateException.class);
    }

    @Test
    void problemsUseAForwardDifferenceJacobian() {
        final Instance instance = family.drawInstance(new Well19937a(3));
        final double[] x = exact.samplePrior(new Well19937a(4));
        final RealMatrix fd = FamilyProblemFactory.create(family, instance.observed())
                .evaluate(new ArrayRealVector(x)).getJacobian();
        final RealMatrix ex = FamilyProblemFactory.create(exact, instance.observed())
                .evaluate(new ArrayRealVector(x)).getJacobian();
        // weighted by 1/noise = 100: entries of order 100, forward differences accurate to ~1e-8 relative
        assertThat(fd.subtract(ex).getNorm1() / ex.getNorm1()).isLessThan(1e-6);
    }

    @Test
    void levenbergMarquardtSolvesItWithNPlusOneSolvesPerJacobian() {
        final Instance instance = family.drawInstance(new Well19937a(5));
        final MonitoredProblem problem = new MonitoredProblem(FamilyProblemFactory.create(family,
                instance.observed()), false);
        final Optimum o = new LevenbergMarquardtOptimizer().optimize(problem);
        assertThat(o.getRMS()).isLessThanOrEqualTo(exact.tolerance());
        assertThat(problem.getJacobianEvaluations()).isPositive();
        assertThat(family.protocol().isSuccess(o.getRMS(), instance.xRmse(o.getPoint().toArray()))).isTrue();
    }

    @Test
    void dipgSolvesItWithoutAnyDerivative() {
        final DipgOptimizer dipg = new DipgOptimizer().withDeceptrons(new MatrixDeceptron(exact.id(),
                exact.fingerprint(), exact.inverse(), exact.matrix(), "exact-inverse"));
        for (int seed = 0; seed < 5; seed++) {
            final Instance instance = family.drawInstance(new Well19937a(100 + seed));
            final FamilyProblem problem = FamilyProblemFactory.create(family, instance.observed());
            final DipgOptimum d = dipg.optimize(problem);
            assertThat(d.getRMS()).isLessThanOrEqualTo(exact.tolerance());
            assertThat(d.getDeceptronName()).contains("exact-inverse");
            assertThat(d.getJacobianEvaluations()).isZero();
            assertThat(d.getTangentEvaluations()).isZero();
            assertThat(d.getKrylovSteps()).isZero();
        }
    }

    @Test
    void drawInstanceSamplesThePriorThenAddsTheNoise() {
        final Instance a = family.drawInstance(new Well19937a(9));
        final Well19937a rng = new Well19937a(9);
        final double[] x = exact.samplePrior(rng);
        final double[] y = exact.value(x);
        for (int i = 0; i < y.length; i++) {
            y[i] += exact.noiseLevel() * rng.nextGaussian();
        }
        assertThat(a.truth()).containsExactly(x);
        assertThat(a.observed()).containsExactly(y);
        assertThat(a.xRmse(x)).isZero();
        assertThat(family.id()).isEqualTo(valueOnly.id());
    }

    @Test
    void successNeedsTheToleranceAndTheXBoundWhereThereIsOne() {
        assertThat(exact.isSuccess(1.4, 99.0)).isTrue();
        assertThat(exact.isSuccess(1.6, 0.0)).isFalse();
    }

    @Test
    void aMatrixLinearizationIsACopyWithCheckedProducts() {
        final double[] x = exact.samplePrior(new Well19937a(1));
        final RealMatrix j = exact.jacobian(x);
        final Linearization lin = Linearization.ofMatrix(j);
        final double[] v = exact.samplePrior(new Well19937a(2));
        assertThat(lin.jvp(v)).containsExactly(j.operate(v));
        assertThat(lin.vjp(v)).containsExactly(j.preMultiply(v));
        lin.jacobian().setEntry(0, 0, 1e9);
        assertThat(lin.jacobian().getEntry(0, 0)).isEqualTo(j.getEntry(0, 0));
        assertThatThrownBy(() -> lin.jvp(new double[N - 1])).isInstanceOf(MathIllegalArgumentException.class);
        assertThatThrownBy(() -> lin.vjp(new double[] {Double.NaN})).isInstanceOf(MathIllegalArgumentException.class);
    }

    @Test
    void theModelOfAProblemIsTheFamilysModel() {
        final FamilyProblem p = FamilyProblemFactory.create(family, family.drawInstance(new Well19937a(1)).observed());
        assertThat(p.getModel()).isSameAs(valueOnly);
        assertThat(p.getTolerance()).isEqualTo(exact.tolerance());
    }
}
