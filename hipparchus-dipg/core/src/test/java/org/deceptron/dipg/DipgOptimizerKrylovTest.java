package org.deceptron.dipg;

import static org.assertj.core.api.Assertions.assertThat;

import org.deceptron.dipg.spi.FamilyProblem;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/** The learned-preconditioner Krylov step: it rescues stalled learned steps without any Jacobian. */
class DipgOptimizerKrylovTest {

    private static final int N = 16;

    private final SyntheticFamily family = new SyntheticFamily(N, 0.02, 21);

    /** g = A^-1 (I + 0.97 Q), Q orthogonal: learned steps contract slowly, GMRES on A g = I + E is exact in N steps. */
    private MatrixDeceptron sloppyInverse() {
        final RandomGenerator rng = new Well19937a(5);
        final double[][] e = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                e[i][j] = rng.nextGaussian();
            }
        }
        // E = 0.97 Q with Q orthogonal: every direction contracts by exactly 0.97 per learned step
        final RealMatrix em = new org.hipparchus.linear.QRDecomposition(new Array2DRowRealMatrix(e, false)).getQ()
                .scalarMultiply(0.97);
        final RealMatrix g = family.inverse().multiply(MatrixUtils.createRealIdentityMatrix(N).add(em));
        return new MatrixDeceptron(family.id(), family.fingerprint(), g, family.matrix(), "sloppy");
    }

    private FamilyProblem instance(final long seed) {
        final double[] y = family.drawInstance(new Well19937a(seed)).observed();
        // a tight tolerance, so that slow learned steps stall before reaching it
        return org.deceptron.dipg.problem.FamilyProblemFactory.create(family, family.noiseLevel(), y,
                family.defaultStart(), 0.01, 2000, 200);
    }

    @Test
    void krylovStepsReplaceLevenbergMarquardtWhenLearnedStepsStall() {
        final DipgOptimizer dipg = new DipgOptimizer().withDeceptrons(sloppyInverse());
        for (long seed = 1; seed <= 5; seed++) {
            final DipgOptimum o = dipg.optimize(instance(seed));
            assertThat(o.getRMS()).isLessThanOrEqualTo(0.01);
            assertThat(o.getKrylovSteps()).isPositive();
            assertThat(o.getTangentEvaluations()).isPositive();
            assertThat(o.getJacobianEvaluations()).isZero();
            assertThat(o.getFallbacks()).isZero();
        }
    }

    @Test
    void withoutKrylovTheSameSolvesNeedLevenbergMarquardt() {
        final DipgOptimizer dipg = new DipgOptimizer().withDeceptrons(sloppyInverse()).withKrylovDimension(0);
        int jacobians = 0;
        for (long seed = 1; seed <= 5; seed++) {
            final DipgOptimum o = dipg.optimize(instance(seed));
            assertThat(o.getRMS()).isLessThanOrEqualTo(0.01);
            assertThat(o.getKrylovSteps()).isZero();
            assertThat(o.getTangentEvaluations()).isZero();
            jacobians += o.getJacobianEvaluations();
        }
        assertThat(jacobians).isPositive();
    }
}
