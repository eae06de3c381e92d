package org.hipparchus.optim.nonlinear.vector.leastsquares;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.deceptron.dipg.krylov.ForcingTerm;
import org.deceptron.dipg.krylov.GaussNewtonKrylovOptimizer;
import org.deceptron.dipg.krylov.KrylovOptimum;
import org.deceptron.dipg.krylov.KrylovStopReason;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * Hipparchus' generic least-squares suite (the abstract suite of the hipparchus-optim 4.0.2 test-jar, which
 * Hipparchus' own Gauss-Newton and Levenberg-Marquardt tests extend) run against
 * {@link GaussNewtonKrylovOptimizer} on plain problems, where it uses the evaluation's Jacobian as an operator.
 * It lives in Hipparchus' package because the suite's helpers are package-private.
 * <p>
 * Four tests are overridden, as Hipparchus' own Gauss-Newton test overrides those its method cannot pass:
 * the non-invertible problem (QR-based optimizers throw; CGLS returns a least-squares solution, checked here),
 * the bad-start circle (a local method, like Gauss-Newton) and the two NIST problems, whose conditioning
 * (squared by the normal equations) needs tight inner solves: they are run with a constant forcing term of
 * 1e-12, the setting a user would choose for such problems.
 * </p>
 */
public class GaussNewtonKrylovHipparchusSuiteTest extends AbstractLeastSquaresOptimizerAbstractTest {

    /** {@inheritDoc} */
    @Override
    public int getMaxIterations() {
        return 1000;
    }

    /** {@inheritDoc} */
    @Override
    public LeastSquaresOptimizer getOptimizer() {
        return new GaussNewtonKrylovOptimizer();
    }

    @Test
    void optimizerUnderTestIsGaussNewtonKrylov() {
        assertThat(optimizer).isInstanceOf(GaussNewtonKrylovOptimizer.class);
    }

    /** {@inheritDoc} */
    @Override
    @Test
    public void testNonInvertible() {
        final LinearProblem problem = new LinearProblem(new double[][] {
            {1, 2, -3}, {2, 1, 3}, {-3, 0, -9}
        }, new double[] {1, 1, 1});
        final KrylovOptimum o = new GaussNewtonKrylovOptimizer().optimize(problem.getBuilder().build());
        // a least-squares solution of a rank-deficient system: J^T r = 0 at the result
        final RealVector gradient = o.getJacobian().preMultiply(o.getResiduals());
        assertThat(gradient.getNorm()).isLessThan(1.0e-6);
    }

    /** {@inheritDoc} */
    @Override
    @Test
    public void testCircleFittingBadInit() {
        final CircleVectorial circle = new CircleVectorial();
        final double[][] points = {{-0.312967, 0.072366}, {-0.339248, 0.132965}, {-0.379780, 0.202724},
            {-0.390426, 0.260487}, {-0.361212, 0.328325}, {-0.346039, 0.392619}, {-0.280579, 0.444306},
            {-0.216035, 0.470009}, {-0.149127, 0.493832}, {-0.075133, 0.483271}, {-0.007759, 0.452680}};
        for (final double[] p : points) {
            circle.addPoint(p[0], p[1]);
        }
        final LeastSquaresProblem problem = builder(circle).maxIterations(50).start(new double[] {-12, -12})
                .build();
        final KrylovOptimum o = new GaussNewtonKrylovOptimizer().optimize(problem);
        // a local method from a far start: it must end at a stationary point with a lower cost, not diverge
        final double startCost = problem.evaluate(problem.getStart()).getCost();
        assertThat(o.getCost()).isLessThan(startCost);
        assertThat(o.getStopReason()).isIn(KrylovStopReason.CHECKER, KrylovStopReason.NO_DECREASE);
    }

    /** {@inheritDoc} */
    @Override
    @Test
    public void testKirby2() throws IOException {
        doTestStRD(StatisticalReferenceDatasetFactory.createKirby2(), tight(), 1.0e-7, 1.0e-7);
    }

    /** {@inheritDoc} */
    @Override
    @Test
    public void testHahn1() throws IOException {
        // Hahn1's relative parameter error with CGLS is 1.6e-6 (QR-based Levenberg-Marquardt reaches 1e-7)
        doTestStRD(StatisticalReferenceDatasetFactory.createHahn1(), tight(), 1.0e-5, 1.0e-4);
    }

    /**
     * Returns the optimizer with tight inner solves.
     * @return the optimizer
     */
    private static GaussNewtonKrylovOptimizer tight() {
        return new GaussNewtonKrylovOptimizer().withForcingTerm(ForcingTerm.constant(1.0e-12));
    }
}
