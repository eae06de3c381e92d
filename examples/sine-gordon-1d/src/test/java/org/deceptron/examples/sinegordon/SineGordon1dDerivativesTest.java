package org.deceptron.examples.sinegordon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deceptron.dipg.spi.Derivative;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.Linearization;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/** Exact tangent and adjoint of sine-gordon-1d against central differences and against each other. */
class SineGordon1dDerivativesTest {

    /** The family under test. */
    private final ForwardFamily family = new SineGordon1dFamily();

    /** Its model. */
    private final ForwardModel model = family.model();

    /**
     * A random unit-scale vector.
     * @param r random source
     * @param n length
     * @return the vector
     */
    private static double[] gaussian(final RandomGenerator r, final int n) {
        final double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    /**
     * Max-norm of a vector.
     * @param v the vector
     * @return max |v_i|
     */
    private static double maxAbs(final double[] v) {
        double m = 0;
        for (final double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }

    /**
     * Euclidean inner product.
     * @param a a
     * @param b b
     * @return a . b
     */
    private static double dot(final double[] a, final double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void declaresTangentAndAdjointAndSizes() {
        assertThat(family.id()).isEqualTo("sine-gordon-1d");
        assertThat(model.parameterSize()).isEqualTo(64);
        assertThat(model.observationSize()).isEqualTo(64);
        assertThat(model.derivatives()).containsExactlyInAnyOrder(Derivative.TANGENT, Derivative.ADJOINT);
        assertThat(((SineGordon1dModel) model).courantNumber()).isLessThanOrEqualTo(1.0);
        assertThat(model.fingerprint()).hasSize(16).isEqualTo(new SineGordon1dFamily().model().fingerprint());
    }

    @Test
    void jvpMatchesCentralDifferences() {
        final RandomGenerator r = new Well19937a(11);
        double worst = 0;
        for (int trial = 0; trial < 5; trial++) {
            final double[] x = family.protocol().samplePrior(r);
            final double[] v = gaussian(r, 64);
            final double eps = 1e-5;
            final double[] xp = x.clone();
            final double[] xm = x.clone();
            for (int i = 0; i < 64; i++) {
                xp[i] += eps * v[i];
                xm[i] -= eps * v[i];
            }
            final double[] fp = model.value(xp);
            final double[] fm = model.value(xm);
            final double[] fd = new double[64];
            for (int i = 0; i < 64; i++) {
                fd[i] = (fp[i] - fm[i]) / (2 * eps);
            }
            final double[] jv = model.linearize(x).jvp(v);
            final double[] diff = new double[64];
            for (int i = 0; i < 64; i++) {
                diff[i] = jv[i] - fd[i];
            }
            worst = Math.max(worst, maxAbs(diff) / maxAbs(jv));
        }
        System.out.printf("sine-gordon-1d: max relative |Jv - central difference| = %.2e%n", worst);
        assertThat(worst).isLessThan(1e-7);
    }

    @Test
    void vjpIsTheTransposeOfJvp() {
        final RandomGenerator r = new Well19937a(12);
        double worstDot = 0;
        double worstColumn = 0;
        for (int trial = 0; trial < 5; trial++) {
            final double[] x = family.protocol().samplePrior(r);
            final Linearization lin = model.linearize(x);
            final double[] v = gaussian(r, 64);
            final double[] w = gaussian(r, 64);
            final double lhs = dot(w, lin.jvp(v));
            final double rhs = dot(lin.vjp(w), v);
            worstDot = Math.max(worstDot, Math.abs(lhs - rhs) / Math.abs(lhs));
            // vjp(w) = J^T w with J assembled column by column from the tangent
            final RealMatrix j = lin.jacobian();
            final double[] jtw = j.preMultiply(w);
            final double[] vjp = lin.vjp(w);
            final double[] diff = new double[64];
            for (int i = 0; i < 64; i++) {
                diff[i] = vjp[i] - jtw[i];
            }
            worstColumn = Math.max(worstColumn, maxAbs(diff) / maxAbs(jtw));
        }
        System.out.printf("sine-gordon-1d: dot test |<w,Jv> - <J^T w,v>| / |<w,Jv>| = %.2e, "
                          + "max relative |vjp(w) - J^T w| = %.2e%n", worstDot, worstColumn);
        assertThat(worstDot).isLessThan(1e-12);
        assertThat(worstColumn).isLessThan(1e-12);
    }

    @Test
    void jacobianColumnsAreTangentProducts() {
        final RandomGenerator r = new Well19937a(13);
        final double[] x = family.protocol().samplePrior(r);
        final Linearization lin = model.linearize(x);
        final RealMatrix j = lin.jacobian();
        assertThat(j.getRowDimension()).isEqualTo(64);
        assertThat(j.getColumnDimension()).isEqualTo(64);
        double worst = 0;
        for (int k = 0; k < 64; k += 7) {
            final double[] e = new double[64];
            e[k] = 1;
            final double[] col = lin.jvp(e);
            for (int i = 0; i < 64; i++) {
                worst = Math.max(worst, Math.abs(col[i] - j.getEntry(i, k)));
            }
        }
        assertThat(worst).isLessThan(1e-12);
        assertThat(model.jacobian(x).subtract(j).getNorm1()).isLessThan(1e-12);
    }

    @Test
    void refusesBadInputAndUnstableSteps() {
        final double[] outside = new double[64];
        outside[3] = 5.0;
        assertThatThrownBy(() -> model.value(outside)).isInstanceOf(MathIllegalArgumentException.class);
        assertThatThrownBy(() -> model.linearize(new double[63])).isInstanceOf(MathIllegalArgumentException.class);
        final double[] nan = new double[64];
        nan[0] = Double.NaN;
        assertThatThrownBy(() -> model.linearize(new double[64]).jvp(nan))
                .isInstanceOf(MathIllegalArgumentException.class);
        // 64 nodes on L = 10 (h = 0.154) with dt = 0.2: Courant number 1.3
        assertThatThrownBy(() -> new SineGordon1dModel("x", 64, 10, 1, 2, 10, 0.1, 4, ""))
                .isInstanceOf(MathIllegalArgumentException.class);
    }
}
