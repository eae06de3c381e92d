package org.deceptron.pde;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.deceptron.dipg.spi.ForwardFamily;

/** The registered families, for parameterised tests. */
final class Families {

    /** The seven ids, in registration order. */
    static final List<String> IDS = List.of("heat-1d", "heat-2d", "heat-3d", "darcy-2d", "adv-diff-2d",
            "allen-cahn-2d", "navier-stokes-2d");

    /** Utility. */
    private Families() {
    }

    /**
     * Loads every family through the ServiceLoader.
     * @return the families
     */
    static List<ForwardFamily> all() {
        final List<ForwardFamily> out = new ArrayList<>();
        ServiceLoader.load(ForwardFamily.class).forEach(out::add);
        return out;
    }

    /**
     * Pulls a point towards the box midpoint so that finite-difference probes stay inside the box.
     * @param f family
     * @param x the point
     * @param keep fraction kept
     * @return the shrunk point
     */
    static double[] shrink(final ForwardFamily f, final double[] x, final double keep) {
        final double[] lo = f.model().lowerBounds();
        final double[] hi = f.model().upperBounds();
        final double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            final double mid = 0.5 * (lo[i] + hi[i]);
            out[i] = mid + keep * (x[i] - mid);
        }
        return out;
    }

    /**
     * Euclidean norm.
     * @param v vector
     * @return its norm
     */
    static double norm(final double[] v) {
        double s = 0;
        for (final double e : v) {
            s += e * e;
        }
        return Math.sqrt(s);
    }

    /**
     * Relative distance ||a - b|| / ||b||.
     * @param a vector
     * @param b reference
     * @return the relative error
     */
    static double relative(final double[] a, final double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s) / norm(b);
    }
}
