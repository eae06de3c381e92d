package org.deceptron.pde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.Linearization;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact derivatives: the Jacobian against central finite differences along random directions at random prior
 * points (relative error &lt;= 1e-7; measured at most 2.6e-9, Navier-Stokes), jvp against J v and vjp against J^T w
 * (relative error &lt;= 1e-12; measured at most 1.6e-14).
 */
class FamilyDerivativesTest {

    /** Bound met by J v against central differences. */
    static final double FD_BOUND = 1e-7;

    /** Bound met by jvp/vjp against the assembled Jacobian. */
    static final double PRODUCT_BOUND = 1e-12;

    static Stream<ForwardFamily> families() {
        return Families.all().stream();
    }

    @ParameterizedTest
    @MethodSource("families")
    void jacobianMatchesCentralDifferencesAndProducts(final ForwardFamily f) {
        final RandomGenerator random = new Well19937a(42);
        final int n = f.model().parameterSize();
        final int m = f.model().observationSize();
        final double[] hi = f.model().upperBounds();
        final double[] lo = f.model().lowerBounds();
        for (int point = 0; point < 2; point++) {
            final double[] x = Families.shrink(f, f.protocol().samplePrior(random), 0.95);
            final RealMatrix jac = f.model().jacobian(x);
            assertThat(jac.getRowDimension()).isEqualTo(m);
            assertThat(jac.getColumnDimension()).isEqualTo(n);
            for (int dir = 0; dir < 2; dir++) {
                final double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = random.nextGaussian();
                }
                final double scale = 1e-5 * (hi[0] - lo[0]) / Families.norm(v) * Math.sqrt(n);
                final double[] xp = x.clone();
                final double[] xm = x.clone();
                for (int i = 0; i < n; i++) {
                    xp[i] += scale * v[i];
                    xm[i] -= scale * v[i];
                }
                final double[] fp = f.model().value(xp);
                final double[] fm = f.model().value(xm);
                final double[] fd = new double[m];
                for (int i = 0; i < m; i++) {
                    fd[i] = (fp[i] - fm[i]) / (2 * scale);
                }
                final double[] jv = jac.operate(v);
                assertThat(Families.relative(fd, jv)).as("%s FD vs J v", f.id()).isLessThan(FD_BOUND);
                assertThat(Families.relative(f.model().jvp(x, v), jv)).as("%s jvp vs J v", f.id())
                        .isLessThan(PRODUCT_BOUND);
                final double[] w = new double[m];
                for (int i = 0; i < m; i++) {
                    w[i] = random.nextGaussian();
                }
                assertThat(Families.relative(f.model().vjp(x, w), jac.preMultiply(w))).as("%s vjp vs J^T w", f.id())
                        .isLessThan(PRODUCT_BOUND);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void oneLinearizationAnswersEveryProductAtItsPointAsAFreshOneDoes(final ForwardFamily f) {
        final RandomGenerator random = new Well19937a(7);
        final int n = f.model().parameterSize();
        final int m = f.model().observationSize();
        final double[] x = f.protocol().samplePrior(random);
        final Linearization lin = f.model().linearize(x);
        final double[][] v = new double[3][n];
        final double[][] w = new double[3][m];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < n; i++) {
                v[k][i] = random.nextGaussian();
            }
            for (int i = 0; i < m; i++) {
                w[k][i] = random.nextGaussian();
            }
        }
        // reused in any order, bit for bit what a linearization made for one product gives
        for (int k = 2; k >= 0; k--) {
            assertThat(lin.jvp(v[k])).as("%s jvp %d", f.id(), k).containsExactly(f.model().jvp(x, v[k]));
            assertThat(lin.vjp(w[k])).as("%s vjp %d", f.id(), k).containsExactly(f.model().vjp(x, w[k]));
        }
        final RealMatrix jac = lin.jacobian();
        final double[] jv = jac.operate(v[0]);
        final double[] lv = lin.jvp(v[0]);
        for (int i = 0; i < m; i++) {
            assertThat(jv[i]).isCloseTo(lv[i], within(
                    PRODUCT_BOUND * Math.max(1.0, Families.norm(lv))));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void linearizationChecksItsArguments(final ForwardFamily f) {
        final int n = f.model().parameterSize();
        final Linearization lin = f.model().linearize(f.protocol().defaultStart());
        assertThatThrownBy(() -> lin.jvp(new double[n + 1]))
                .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("has length");
        final double[] w = new double[f.model().observationSize()];
        w[0] = Double.NaN;
        assertThatThrownBy(() -> lin.vjp(w))
                .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("non-finite");
    }
}
