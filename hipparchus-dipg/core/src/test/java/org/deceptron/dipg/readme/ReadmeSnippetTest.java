package org.deceptron.dipg.readme;

import static org.assertj.core.api.Assertions.assertThat;

import org.deceptron.dipg.DipgOptimizer;
import org.deceptron.dipg.DipgOptimum;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;
import org.junit.jupiter.api.Test;

/** The README's "use it from Hipparchus" snippet, compiled and run as written. */
class ReadmeSnippetTest {

    @Test
    void dropInSnippetFromTheReadme() {
        final double[] xs = {0, 1, 2, 3, 4};
        final double[] ys = {1.1, 2.9, 5.2, 7.1, 8.8};
        // --- README snippet 1 begins ---
        MultivariateJacobianFunction line = p -> {
            RealVector value = new ArrayRealVector(xs.length);
            RealMatrix jacobian = new Array2DRowRealMatrix(xs.length, 2);
            for (int i = 0; i < xs.length; i++) {
                value.setEntry(i, p.getEntry(0) * xs[i] + p.getEntry(1));
                jacobian.setEntry(i, 0, xs[i]);
                jacobian.setEntry(i, 1, 1.0);
            }
            return new Pair<>(value, jacobian);
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(new double[] {0, 0}).model(line).target(ys)
                .maxEvaluations(100).maxIterations(100).build();

        // was: LeastSquaresOptimizer optimizer = new LevenbergMarquardtOptimizer();
        LeastSquaresOptimizer optimizer = new DipgOptimizer();
        LeastSquaresOptimizer.Optimum optimum = optimizer.optimize(problem);
        DipgOptimum diagnostics = (DipgOptimum) optimum;   // D-IPG steps, fallbacks, RJCP, which Deceptron
        // --- README snippet 1 ends ---
        assertThat(optimum.getPoint().getEntry(0)).isCloseTo(1.96, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(optimum.getPoint().getEntry(1)).isCloseTo(1.10, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(diagnostics.getDeceptronName()).isEmpty();
        assertThat(diagnostics.getDipgSteps()).isZero();
    }
}
