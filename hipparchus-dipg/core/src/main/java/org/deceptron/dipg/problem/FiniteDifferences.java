package org.deceptron.dipg.problem;

import org.deceptron.dipg.spi.ForwardModel;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;

/**
 * Forward-difference Jacobian of a {@link ForwardModel} that has no derivative model: n extra
 * forward solves, each unknown stepped by {@code sqrt(ulp) * max(1, |x_j|)} towards the inside of the box, so that
 * every evaluated point stays inside it.
 */
final class FiniteDifferences {

    /** Relative step: the square root of the double precision unit round-off. */
    private static final double STEP = Math.sqrt(Math.ulp(1.0));

    /** Utility class. */
    private FiniteDifferences() {
    }

    /**
     * Computes the Jacobian by forward differences.
     * @param model the model
     * @param x the point (inside the box; not modified)
     * @param fx F(x)
     * @return the m x n Jacobian
     */
    static RealMatrix jacobian(final ForwardModel model, final double[] x, final double[] fx) {
        final int n = x.length;
        final int m = fx.length;
        final double[] lo = model.lowerBounds();
        final double[] hi = model.upperBounds();
        final double[][] jac = new double[m][n];
        final double[] xp = x.clone();
        for (int j = 0; j < n; j++) {
            double h = STEP * Math.max(1.0, Math.abs(x[j]));
            if (x[j] + h > hi[j]) {
                h = -h;
            }
            if (x[j] + h < lo[j]) {
                h = (hi[j] - x[j] >= x[j] - lo[j] ? hi[j] - x[j] : lo[j] - x[j]);
            }
            xp[j] = x[j] + h;
            final double step = xp[j] - x[j];
            final double[] fp = FamilyLeastSquaresProblem.checkedValue(model, xp);
            for (int i = 0; i < m; i++) {
                jac[i][j] = (fp[i] - fx[i]) / step;
            }
            xp[j] = x[j];
        }
        return new Array2DRowRealMatrix(jac, false);
    }
}
