package org.deceptron.pde.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.deceptron.pde.heat.Heat1dFamily;
import org.deceptron.pde.heat.Heat2dFamily;
import org.deceptron.pde.heat.Heat3dFamily;
import org.junit.jupiter.api.Test;

/** The linear part of the heat families: exact sine-mode decay and the blurs. */
class HeatNumericsTest {

    /**
     * Fills a product sine mode on the interior nodes.
     * @param shape shape
     * @param k modes
     * @return the field
     */
    private static double[] mode(final int[] shape, final int... k) {
        int size = 1;
        for (final int s : shape) {
            size *= s;
        }
        final double[] f = new double[size];
        for (int i = 0; i < size; i++) {
            int rest = i;
            double v = 1;
            for (int a = shape.length - 1; a >= 0; a--) {
                final int j = rest % shape[a];
                rest /= shape[a];
                v *= Math.sin(Math.PI * k[a] * (j + 1.0) / (shape[a] + 1.0));
            }
            f[i] = v;
        }
        return f;
    }

    /**
     * Checks that a mode is scaled by the expected factor.
     * @param s semigroup
     * @param in mode
     * @param factor expected factor
     */
    private static void assertDecay(final SineHeatSemigroup s, final double[] in, final double factor) {
        final double[] out = new double[in.length];
        s.apply(in, out, new double[in.length]);
        for (int i = 0; i < in.length; i++) {
            assertThat(out[i]).isCloseTo(factor * in[i], within(1e-13));
        }
    }

    @Test
    void heat1dSineModeDecaysExactly() {
        final SineHeatSemigroup s = new SineHeatSemigroup(new int[] {Heat1dFamily.NODES}, Heat1dFamily.KAPPA,
                Heat1dFamily.TIME);
        for (final int k : new int[] {1, 2, 3, 6, 10}) {
            final double expected = Math.exp(-Heat1dFamily.KAPPA * Math.PI * Math.PI * k * k * Heat1dFamily.TIME);
            assertDecay(s, mode(new int[] {Heat1dFamily.NODES}, k), expected);
            assertThat(s.decayOf(k)).isCloseTo(expected, within(1e-15));
        }
        // mode 6 is damped to 0.006: the reference problem's severe ill-posedness
        assertThat(s.decayOf(6)).isBetween(0.005, 0.007);
    }

    @Test
    void heat2dAnd3dSineModesDecayExactly() {
        final int[] s2 = {Heat2dFamily.NODES, Heat2dFamily.NODES};
        final SineHeatSemigroup h2 = new SineHeatSemigroup(s2, Heat2dFamily.KAPPA, Heat2dFamily.TIME);
        assertDecay(h2, mode(s2, 2, 5),
                Math.exp(-Heat2dFamily.KAPPA * Math.PI * Math.PI * (4 + 25) * Heat2dFamily.TIME));
        final int[] s3 = {Heat3dFamily.NODES, Heat3dFamily.NODES, Heat3dFamily.NODES};
        final SineHeatSemigroup h3 = new SineHeatSemigroup(s3, Heat3dFamily.KAPPA, Heat3dFamily.TIME);
        assertDecay(h3, mode(s3, 1, 2, 3),
                Math.exp(-Heat3dFamily.KAPPA * Math.PI * Math.PI * (1 + 4 + 9) * Heat3dFamily.TIME));
    }

    @Test
    void rowNormalisedBlurIsTheReferenceMixingMatrix() {
        final NeighbourBlur b = new NeighbourBlur(new int[] {5}, 1.0, 0.1, 1.0, true);
        final double[] e = new double[5];
        final double[] out = new double[5];
        e[0] = 1;
        b.apply(new double[] {1, 1, 1, 1, 1}, out);
        assertThat(out).containsOnly(1.0);
        b.apply(e, out);
        // column 0: row 0 = 1/1.1, row 1 = 0.1/1.2
        assertThat(out[0]).isCloseTo(1 / 1.1, within(1e-15));
        assertThat(out[1]).isCloseTo(0.1 / 1.2, within(1e-15));
    }

    @Test
    void zeroPaddedKernelAndTransposeAreConsistent() {
        final int[] shape = {3, 4, 5};
        final NeighbourBlur b = new NeighbourBlur(shape, 8.0, 1.0, 0.025, false);
        final Random r = new Random(5);
        final double[] u = new double[60];
        final double[] v = new double[60];
        for (int i = 0; i < 60; i++) {
            u[i] = r.nextGaussian();
            v[i] = r.nextGaussian();
        }
        final double[] bu = new double[60];
        final double[] btv = new double[60];
        b.apply(u, bu);
        b.applyTranspose(v, btv, new double[60]);
        double lhs = 0;
        double rhs = 0;
        for (int i = 0; i < 60; i++) {
            lhs += bu[i] * v[i];
            rhs += u[i] * btv[i];
        }
        assertThat(lhs).isCloseTo(rhs, within(1e-12));
        // interior node of a constant field keeps its value, a corner loses 3 of 14 kernel weights
        final double[] one = new double[60];
        java.util.Arrays.fill(one, 1.0);
        b.apply(one, bu);
        assertThat(bu[(1 * 4 + 1) * 5 + 2]).isCloseTo(1.0, within(1e-15));
        assertThat(bu[0]).isCloseTo(0.975 + 0.025 * 11.0 / 14.0, within(1e-15));
    }
}
