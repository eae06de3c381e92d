package org.deceptron.pde.advdiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A Fourier mode is advected by c T and damped by exp(-nu |k|^2 T), exactly. */
class AdvectionDiffusionPhysicsTest {

    @Test
    void fourierModeIsAdvectedAndDampedExactly() {
        final AdvectionDiffusion2dFamily family = new AdvectionDiffusion2dFamily();
        final int n = AdvectionDiffusion2dFamily.POINTS;
        final double h = 1.0 / n;
        final double t = AdvectionDiffusion2dFamily.TIME;
        for (final int[] k : new int[][] {{1, 0}, {2, 3}, {-5, 4}, {11, -7}}) {
            final double[] x = new double[n * n];
            final double[] expected = new double[n * n];
            final double kx = 2 * Math.PI * k[0];
            final double ky = 2 * Math.PI * k[1];
            final double damp = Math.exp(-AdvectionDiffusion2dFamily.NU * (kx * kx + ky * ky) * t);
            for (int iy = 0; iy < n; iy++) {
                for (int ix = 0; ix < n; ix++) {
                    final double px = ix * h;
                    final double py = iy * h;
                    x[iy * n + ix] = 0.4 * Math.cos(kx * px + ky * py + 0.3);
                    expected[iy * n + ix] = 0.4 * damp * Math.cos(kx * (px - AdvectionDiffusion2dFamily.CX * t)
                            + ky * (py - AdvectionDiffusion2dFamily.CY * t) + 0.3);
                }
            }
            final double[] u = family.model().linearPart(x);
            for (int i = 0; i < u.length; i++) {
                assertThat(u[i]).isCloseTo(expected[i], within(1e-14));
            }
        }
    }
}
