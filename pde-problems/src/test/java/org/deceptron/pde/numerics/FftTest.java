package org.deceptron.pde.numerics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FftTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 16, 18, 24, 25, 30, 32, 49, 64})
    void forwardMatchesNaiveDftAndInverseRoundTrips(final int n) {
        final Random r = new Random(n);
        final double[] re = new double[n];
        final double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = r.nextGaussian();
            im[i] = r.nextGaussian();
        }
        final double[] er = new double[n];
        final double[] ei = new double[n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                final double a = -2 * Math.PI * ((long) j * k % n) / n;
                er[k] += re[j] * Math.cos(a) - im[j] * Math.sin(a);
                ei[k] += re[j] * Math.sin(a) + im[j] * Math.cos(a);
            }
        }
        final Fft fft = new Fft(n);
        final double[] xr = re.clone();
        final double[] xi = im.clone();
        final double[] scratch = new double[2 * fft.scratchSize()];
        fft.forward(xr, xi, new double[n], new double[n], scratch);
        for (int k = 0; k < n; k++) {
            assertThat(xr[k]).isCloseTo(er[k], org.assertj.core.api.Assertions.within(1e-12 * n));
            assertThat(xi[k]).isCloseTo(ei[k], org.assertj.core.api.Assertions.within(1e-12 * n));
        }
        fft.inverse(xr, xi, new double[n], new double[n], scratch);
        for (int j = 0; j < n; j++) {
            assertThat(xr[j] / n).isCloseTo(re[j], org.assertj.core.api.Assertions.within(1e-13 * n));
            assertThat(xi[j] / n).isCloseTo(im[j], org.assertj.core.api.Assertions.within(1e-13 * n));
        }
    }

    @Test
    void pairTransformsSplitTwoRealFields() {
        final PeriodicGrid2d grid = new PeriodicGrid2d(12, 1.0);
        final PeriodicGrid2d.Workspace ws = grid.workspace();
        final Random r = new Random(3);
        final int size = grid.size();
        final double[] a = new double[size];
        final double[] b = new double[size];
        for (int i = 0; i < size; i++) {
            a[i] = r.nextGaussian();
            b[i] = r.nextGaussian();
        }
        final double[] ar = new double[size];
        final double[] ai = new double[size];
        final double[] br = new double[size];
        final double[] bi = new double[size];
        grid.forwardPair(a, b, ar, ai, br, bi, ws);
        final double[] cr = new double[size];
        final double[] ci = new double[size];
        grid.forwardReal(a, cr, ci, ws);
        for (int k = 0; k < size; k++) {
            assertThat(ar[k]).isCloseTo(cr[k], org.assertj.core.api.Assertions.within(1e-12));
            assertThat(ai[k]).isCloseTo(ci[k], org.assertj.core.api.Assertions.within(1e-12));
        }
        final double[] a2 = new double[size];
        final double[] b2 = new double[size];
        grid.inversePair(ar, ai, br, bi, a2, b2, ws);
        for (int i = 0; i < size; i++) {
            assertThat(a2[i]).isCloseTo(a[i], org.assertj.core.api.Assertions.within(1e-13));
            assertThat(b2[i]).isCloseTo(b[i], org.assertj.core.api.Assertions.within(1e-13));
        }
    }
}
