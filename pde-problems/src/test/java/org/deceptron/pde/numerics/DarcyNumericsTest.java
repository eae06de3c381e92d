package org.deceptron.pde.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Darcy finite volumes: second-order convergence on a manufactured solution, and the banded solver. */
class DarcyNumericsTest {

    /**
     * Max-norm error against the manufactured solution u = sin(pi x) sin(pi y), theta = 0.6 sin(2 pi x) cos(pi y)
     * + 0.3 x, source f = -div(exp(theta) grad u).
     * @param n cells per side
     * @return the error
     */
    private static double error(final int n) {
        final CellCentredDarcy d = new CellCentredDarcy(n);
        final double[] theta = new double[n * n];
        final double[] f = new double[n * n];
        final double[] exact = new double[n * n];
        final double pi = Math.PI;
        for (int iy = 0; iy < n; iy++) {
            final double y = (iy + 0.5) / n;
            for (int ix = 0; ix < n; ix++) {
                final double x = (ix + 0.5) / n;
                final double th = 0.6 * Math.sin(2 * pi * x) * Math.cos(pi * y) + 0.3 * x;
                final double thx = 0.6 * 2 * pi * Math.cos(2 * pi * x) * Math.cos(pi * y) + 0.3;
                final double thy = -0.6 * pi * Math.sin(2 * pi * x) * Math.sin(pi * y);
                final double k = Math.exp(th);
                final double u = Math.sin(pi * x) * Math.sin(pi * y);
                final double ux = pi * Math.cos(pi * x) * Math.sin(pi * y);
                final double uy = pi * Math.sin(pi * x) * Math.cos(pi * y);
                final double lap = -2 * pi * pi * u;
                final int i = iy * n + ix;
                theta[i] = th;
                exact[i] = u;
                f[i] = -(k * (thx * ux + thy * uy) + k * lap);
            }
        }
        final double[] u = d.solve(theta, f).pressure();
        double max = 0;
        for (int i = 0; i < u.length; i++) {
            max = Math.max(max, Math.abs(u[i] - exact[i]));
        }
        return max;
    }

    @Test
    void convergesAtSecondOrderOnAManufacturedSolution() {
        // measured: max errors 5.9e-3, 1.5e-3, 4.0e-4; rates 1.92, 1.97 (1.80 from 8 to 16, pre-asymptotic)
        final double e16 = error(16);
        final double e32 = error(32);
        final double e64 = error(64);
        final double rate1 = Math.log(e16 / e32) / Math.log(2);
        final double rate2 = Math.log(e32 / e64) / Math.log(2);
        assertThat(e16).isLessThan(1e-2);
        assertThat(rate1).isBetween(1.85, 2.15);
        assertThat(rate2).isBetween(1.9, 2.1);
    }

    @Test
    void bandedCholeskySolvesAnSpdBandSystem() {
        final int n = 30;
        final int p = 4;
        final Random r = new Random(9);
        final double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - p); j < i; j++) {
                a[i][j] = r.nextGaussian();
                a[j][i] = a[i][j];
            }
            a[i][i] = 2 * p + 2 + r.nextDouble();
        }
        final BandedCholesky c = new BandedCholesky(n, p);
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - p); j <= i; j++) {
                c.add(i, j, a[i][j]);
            }
        }
        c.factor();
        final double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        final double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i] += a[i][j] * x[j];
            }
        }
        c.solve(b);
        for (int i = 0; i < n; i++) {
            assertThat(b[i]).isCloseTo(x[i], within(1e-12));
        }
    }
}
