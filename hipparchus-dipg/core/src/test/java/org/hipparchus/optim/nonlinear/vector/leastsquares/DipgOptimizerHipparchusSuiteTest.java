package org.hipparchus.optim.nonlinear.vector.leastsquares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deceptron.dipg.DipgOptimizer;
import org.deceptron.dipg.registry.DeceptronRegistry;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.SimpleVectorValueChecker;
import org.junit.jupiter.api.Test;

/**
 * Hipparchus' own Levenberg-Marquardt test suite (from the hipparchus-optim 4.0.2 test-jar: the abstract
 * least-squares suite plus LM's own tests: Bevington, circle fitting, parameter validator, evaluation count,
 * non-invertible, covariances) run against {@link DipgOptimizer} on problems without a Deceptron. It lives in
 * Hipparchus' package because the suite's helpers are package-private.
 */
public class DipgOptimizerHipparchusSuiteTest extends LevenbergMarquardtOptimizerTest {

    /** {@inheritDoc} */
    @Override
    public LeastSquaresOptimizer getOptimizer() {
        // the default (classpath) registry: these plain problems have no Deceptron, so this is LM
        return new DipgOptimizer();
    }

    @Test
    void optimizerUnderTestIsDipg() {
        assertThat(optimizer).isInstanceOf(DipgOptimizer.class);
    }

    @Test
    void maxEvaluationsExceededThrowsLikeLm() {
        final CircleVectorial circle = new CircleVectorial();
        circle.addPoint(30.0, 68.0);
        circle.addPoint(50.0, -6.0);
        circle.addPoint(110.0, -20.0);
        circle.addPoint(35.0, 15.0);
        circle.addPoint(45.0, 97.0);
        final LeastSquaresProblem lsp = new LeastSquaresBuilder()
                .checkerPair(new SimpleVectorValueChecker(1e-30, 1e-30))
                .maxIterations(Integer.MAX_VALUE)
                .maxEvaluations(3)
                .start(new double[] {98.680, 47.345})
                .target(new double[] {0, 0, 0, 0, 0})
                .model(circle.getModelFunction(), circle.getModelFunctionJacobian())
                .build();
        assertThatThrownBy(() -> new DipgOptimizer().withRegistry(DeceptronRegistry.empty()).optimize(lsp))
                .isInstanceOf(MathIllegalStateException.class)
                .satisfies(e -> assertThat(((MathIllegalStateException) e).getSpecifier())
                        .isEqualTo(LocalizedCoreFormats.MAX_COUNT_EXCEEDED));
    }
}
