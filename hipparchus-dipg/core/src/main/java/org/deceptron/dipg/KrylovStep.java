package org.deceptron.dipg;

import java.util.Arrays;

import org.deceptron.dipg.spi.DeceptronSession;

/**
 * A Jacobian-free Gauss-Newton step preconditioned by the Deceptron: GMRES on the right-preconditioned square
 * system (W J_F J_g S) u = r, where r are the weighted residuals, W = diag(1/s), S = diag(s), J_F is applied
 * through the forward model's exact tangent model (a {@link Tangent}) and J_g through the reverse map's exact
 * JVP. The step is p = J_g (S u). When J_g is a good local inverse (small RJCP) the preconditioned operator is
 * close to the identity and GMRES needs a handful of iterations; no m x n matrix is ever formed.
 * <p>
 * Per-solve object: owns its Krylov basis (k + 1 vectors of length m) and is reused across iterations.
 * </p>
 */
final class KrylovStep {

    /** The forward model's exact tangent model. */
    @FunctionalInterface
    interface Tangent {

        /**
         * Applies the tangent model.
         * @param x the point
         * @param v the direction
         * @return J_F(x) v
         */
        double[] jvp(double[] x, double[] v);
    }

    /** Maximal Krylov dimension. */
    private final int k;

    /** Relative residual reduction at which GMRES stops. */
    private final double relativeTolerance;

    /** Krylov basis. */
    private final double[][] v;

    /** Hessenberg matrix. */
    private final double[][] h;

    /** Givens cosines. */
    private final double[] cs;

    /** Givens sines. */
    private final double[] sn;

    /** Rotated right-hand side. */
    private final double[] g;

    /** Scratch in y space. */
    private final double[] ty;

    /** Scratch in x space (g value). */
    private final double[] gx;

    /** Scratch in x space (tangent). */
    private final double[] tx;

    /** The forward model's tangent. */
    private final Tangent tangent;

    /** Number of tangent (JVP) evaluations of the forward model. */
    private int tangentEvaluations;

    /**
     * Creates the solver.
     * @param n number of unknowns
     * @param m number of observations
     * @param k maximal Krylov dimension
     * @param relativeTolerance relative residual at which to stop
     * @param tangent the forward model's exact tangent
     */
    KrylovStep(final int n, final int m, final int k, final double relativeTolerance, final Tangent tangent) {
        this.k = k;
        this.relativeTolerance = relativeTolerance;
        this.v = new double[k + 1][m];
        this.h = new double[k + 1][k];
        this.cs = new double[k];
        this.sn = new double[k];
        this.g = new double[k + 1];
        this.ty = new double[m];
        this.gx = new double[n];
        this.tx = new double[n];
        this.tangent = tangent;
    }

    /**
     * Computes the preconditioned Gauss-Newton step.
     * @param session the Deceptron session
     * @param x current point
     * @param yt F(x), physical
     * @param r weighted residuals at x
     * @param scale residual scale s
     * @param step output step p (length n)
     * @return the squared norm of the predicted linearised residual ||r - W J_F p||^2, or NaN on breakdown
     */
    double solve(final DeceptronSession session, final double[] x, final double[] yt, final double[] r,
                 final double[] scale, final double[] step) {
        final int m = r.length;
        double beta = 0;
        for (int i = 0; i < m; i++) {
            beta += r[i] * r[i];
        }
        beta = Math.sqrt(beta);
        Arrays.fill(step, 0.0);
        if (beta == 0) {
            return 0;
        }
        for (int i = 0; i < m; i++) {
            v[0][i] = r[i] / beta;
        }
        Arrays.fill(g, 0.0);
        g[0] = beta;
        int used = 0;
        double residual = beta;
        for (int j = 0; j < k; j++) {
            // w = W J_F J_g S v_j
            apply(session, x, yt, scale, v[j], v[j + 1]);
            for (int i = 0; i <= j; i++) {
                double d = 0;
                for (int q = 0; q < m; q++) {
                    d += v[i][q] * v[j + 1][q];
                }
                h[i][j] = d;
                for (int q = 0; q < m; q++) {
                    v[j + 1][q] -= d * v[i][q];
                }
            }
            double norm = 0;
            for (int q = 0; q < m; q++) {
                norm += v[j + 1][q] * v[j + 1][q];
            }
            norm = Math.sqrt(norm);
            h[j + 1][j] = norm;
            if (!Double.isFinite(norm)) {
                return Double.NaN;
            }
            if (norm > 0) {
                for (int q = 0; q < m; q++) {
                    v[j + 1][q] /= norm;
                }
            }
            for (int i = 0; i < j; i++) {
                final double t = cs[i] * h[i][j] + sn[i] * h[i + 1][j];
                h[i + 1][j] = -sn[i] * h[i][j] + cs[i] * h[i + 1][j];
                h[i][j] = t;
            }
            final double rr = Math.hypot(h[j][j], h[j + 1][j]);
            if (rr == 0) {
                break;
            }
            cs[j] = h[j][j] / rr;
            sn[j] = h[j + 1][j] / rr;
            h[j][j] = rr;
            h[j + 1][j] = 0;
            g[j + 1] = -sn[j] * g[j];
            g[j] = cs[j] * g[j];
            used = j + 1;
            residual = Math.abs(g[j + 1]);
            if (residual <= relativeTolerance * beta || norm == 0) {
                break;
            }
        }
        if (used == 0) {
            return Double.NaN;
        }
        // back substitution: H(0:used, 0:used) y = g
        final double[] yk = new double[used];
        for (int i = used - 1; i >= 0; i--) {
            double s = g[i];
            for (int q = i + 1; q < used; q++) {
                s -= h[i][q] * yk[q];
            }
            yk[i] = s / h[i][i];
        }
        // u = V y (in weighted y space), then p = J_g (S u)
        for (int q = 0; q < m; q++) {
            double s = 0;
            for (int i = 0; i < used; i++) {
                s += v[i][q] * yk[i];
            }
            ty[q] = s * scale[q];
            if (!Double.isFinite(ty[q])) {
                // a near-singular Hessenberg matrix: a breakdown of the solve, not of the Deceptron
                return Double.NaN;
            }
        }
        session.inverseJvp(yt, ty, gx, step);
        return residual * residual;
    }

    /**
     * Applies the preconditioned operator.
     * @param session the session
     * @param x point
     * @param yt F(x)
     * @param scale s
     * @param in weighted input
     * @param out weighted output
     */
    private void apply(final DeceptronSession session, final double[] x, final double[] yt, final double[] scale,
                       final double[] in, final double[] out) {
        for (int q = 0; q < in.length; q++) {
            ty[q] = in[q] * scale[q];
        }
        session.inverseJvp(yt, ty, gx, tx);
        final double[] jv = tangent.jvp(x, tx);
        tangentEvaluations++;
        for (int q = 0; q < out.length; q++) {
            out[q] = jv[q] / scale[q];
        }
    }

    /**
     * Returns the number of tangent evaluations of the forward model so far.
     * @return the count
     */
    int getTangentEvaluations() {
        return tangentEvaluations;
    }
}
