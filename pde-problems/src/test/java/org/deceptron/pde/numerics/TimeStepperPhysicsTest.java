package org.deceptron.pde.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deceptron.pde.allencahn.AllenCahn2dFamily;
import org.deceptron.pde.navierstokes.NavierStokes2dFamily;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/** Physics of the time steppers: Allen-Cahn energy decay, Taylor-Green decay, inviscid invariants. */
class TimeStepperPhysicsTest {

    @Test
    void allenCahnEnergyDecreasesAtEveryStep() {
        final AllenCahn2dFamily family = new AllenCahn2dFamily();
        final PeriodicGrid2d grid = new PeriodicGrid2d(AllenCahn2dFamily.POINTS, 1.0);
        final AllenCahnScheme oneStep = new AllenCahnScheme(grid, AllenCahn2dFamily.EPS, AllenCahn2dFamily.DT, 1);
        final PeriodicGrid2d.Workspace ws = grid.workspace();
        final Well19937a random = new Well19937a(17);
        final int steps = (int) Math.round(AllenCahn2dFamily.TIME / AllenCahn2dFamily.DT);
        final AllenCahnScheme full = new AllenCahnScheme(grid, AllenCahn2dFamily.EPS, AllenCahn2dFamily.DT, steps);
        for (int sample = 0; sample < 3; sample++) {
            final double[] u0 = family.protocol().samplePrior(random);
            double[] u = u0;
            double energy = oneStep.energy(u, ws);
            final double initial = energy;
            for (int s = 0; s < steps; s++) {
                u = oneStep.run(u, null, ws);
                final double next = oneStep.energy(u, ws);
                assertThat(next).as("energy after step %d", s + 1).isLessThan(energy);
                energy = next;
            }
            // the pixel noise is smoothed away: a clear overall decrease
            assertThat(energy).isLessThan(0.9 * initial);
            // the family's 60-step map is this same sequence of steps
            final double[] direct = full.run(u0, null, ws);
            final double[] viaFamily = family.model().value(u0);
            for (int i = 0; i < u.length; i++) {
                assertThat(direct[i]).isCloseTo(u[i], within(1e-13));
                assertThat(viaFamily[i]).isCloseTo(u[i], within(1e-13));
            }
        }
    }

    @Test
    void taylorGreenVorticityDecaysAtTheExactRate() {
        final PeriodicGrid2d grid = new PeriodicGrid2d(NavierStokes2dFamily.POINTS, 2 * Math.PI);
        final double nu = NavierStokes2dFamily.NU;
        final int steps = (int) Math.round(NavierStokes2dFamily.TIME / NavierStokes2dFamily.DT);
        final VorticityScheme scheme = new VorticityScheme(grid, nu, NavierStokes2dFamily.DT, steps);
        final int n = grid.n();
        final double h = grid.spacing();
        for (final int k : new int[] {1, 2, 4}) {
            final double[] w0 = new double[n * n];
            for (int iy = 0; iy < n; iy++) {
                for (int ix = 0; ix < n; ix++) {
                    // Taylor-Green: psi = sin(kx) sin(ky) / k, w = 2 k sin(kx) sin(ky); amplitude 3
                    w0[iy * n + ix] = 3 * 2 * k * Math.sin(k * ix * h) * Math.sin(k * iy * h);
                }
            }
            final double[] w = scheme.run(w0, null, scheme.newWork());
            final double factor = Math.exp(-2 * nu * k * k * NavierStokes2dFamily.TIME);
            for (int i = 0; i < w.length; i++) {
                assertThat(w[i]).isCloseTo(factor * w0[i], within(1e-11));
            }
        }
    }

    @Test
    void inviscidFlowConservesEnergyAndEnstrophyToTimeStepAccuracy() {
        final NavierStokes2dFamily family = new NavierStokes2dFamily();
        final PeriodicGrid2d grid = new PeriodicGrid2d(NavierStokes2dFamily.POINTS, 2 * Math.PI);
        final int steps = (int) Math.round(NavierStokes2dFamily.TIME / NavierStokes2dFamily.DT);
        final VorticityScheme inviscid = new VorticityScheme(grid, 0.0, NavierStokes2dFamily.DT, steps);
        final double[] w0 = family.protocol().samplePrior(new Well19937a(5));
        // project onto the dealiased modes, where the semi-discrete Galerkin system conserves both invariants
        final PeriodicGrid2d.Workspace ws = grid.workspace();
        final double[] re = new double[grid.size()];
        final double[] im = new double[grid.size()];
        grid.forwardReal(w0, re, im, ws);
        for (int k = 0; k < re.length; k++) {
            re[k] *= grid.dealiasMask()[k];
            im[k] *= grid.dealiasMask()[k];
        }
        grid.inverseReal(re, im, w0, ws);
        final double[] w = inviscid.run(w0, null, inviscid.newWork());
        assertThat(enstrophy(w)).isCloseTo(enstrophy(w0), within(2e-3 * enstrophy(w0)));
        assertThat(energy(grid, w)).isCloseTo(energy(grid, w0), within(2e-3 * energy(grid, w0)));
        // and the flow did change (the nonlinear term is active)
        double diff = 0;
        for (int i = 0; i < w.length; i++) {
            diff = Math.max(diff, Math.abs(w[i] - w0[i]));
        }
        assertThat(diff).isGreaterThan(0.2);
    }

    /**
     * Mean of w^2.
     * @param w vorticity
     * @return enstrophy
     */
    private static double enstrophy(final double[] w) {
        double s = 0;
        for (final double v : w) {
            s += v * v;
        }
        return s / w.length;
    }

    /**
     * Kinetic energy sum |w_k|^2 / |k|^2 (up to a constant).
     * @param grid grid
     * @param w vorticity
     * @return energy
     */
    private static double energy(final PeriodicGrid2d grid, final double[] w) {
        final double[] re = new double[grid.size()];
        final double[] im = new double[grid.size()];
        grid.forwardReal(w, re, im, grid.workspace());
        double s = 0;
        for (int k = 0; k < re.length; k++) {
            if (grid.k2()[k] > 0) {
                s += (re[k] * re[k] + im[k] * im[k]) / grid.k2()[k];
            }
        }
        return s;
    }
}
