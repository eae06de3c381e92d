package org.deceptron.dipg.krylov;

/**
 * CGLS (conjugate gradients on the normal equations, in the stable least-squares form) for the damped linear
 * least-squares problem min ||J d - r||^2 + lambda ||d||^2, stopped when the normal-equation residual
 * ||J^T (r - J d) - lambda d|| falls to a fraction eta of its value at d = 0 (the inexact Gauss-Newton test), or
 * after a maximal number of iterations. Each iteration costs one product with J and one with J^T.
 */
final class Cgls {

    /** The step d. */
    private final double[] step;

    /** The linearised residual r - J d. */
    private final double[] residual;

    /** Number of products with J. */
    private int products;

    /** Number of products with J^T (including the gradient given by the caller). */
    private int transposedProducts;

    /** Number of iterations of the last solve. */
    private int iterations;

    /**
     * Creates a solver for one size.
     * @param n number of parameters
     * @param m number of observations
     */
    Cgls(final int n, final int m) {
        this.step = new double[n];
        this.residual = new double[m];
    }

    /**
     * Solves the damped problem from d = 0.
     * @param j the operator
     * @param r the right-hand side (the weighted residuals)
     * @param gradient J^T r (already computed by the caller; not modified)
     * @param lambda the damping, >= 0
     * @param eta the relative tolerance on the normal-equation residual
     * @param maxIterations the maximal number of iterations
     */
    void solve(final JacobianOperator j, final double[] r, final double[] gradient, final double lambda,
               final double eta, final int maxIterations) {
        final int n = step.length;
        java.util.Arrays.fill(step, 0.0);
        System.arraycopy(r, 0, residual, 0, r.length);
        double[] s = gradient.clone();
        final double[] p = gradient.clone();
        double gamma = dot(s, s);
        final double stop = eta * eta * gamma;
        iterations = 0;
        while (iterations < maxIterations && gamma > stop && gamma > 0) {
            final double[] q = j.apply(p);
            products++;
            final double delta = dot(q, q) + lambda * dot(p, p);
            if (!(delta > 0) || !Double.isFinite(delta)) {
                break;
            }
            final double alpha = gamma / delta;
            for (int k = 0; k < n; k++) {
                step[k] += alpha * p[k];
            }
            for (int i = 0; i < residual.length; i++) {
                residual[i] -= alpha * q[i];
            }
            s = j.applyTranspose(residual);
            transposedProducts++;
            if (lambda > 0) {
                for (int k = 0; k < n; k++) {
                    s[k] -= lambda * step[k];
                }
            }
            iterations++;
            final double gammaNew = dot(s, s);
            final double beta = gammaNew / gamma;
            gamma = gammaNew;
            for (int k = 0; k < n; k++) {
                p[k] = s[k] + beta * p[k];
            }
        }
    }

    /**
     * Returns the step of the last solve (live buffer).
     * @return d
     */
    double[] step() {
        return step;
    }

    /**
     * Returns the linearised residual r - J d of the last solve (live buffer).
     * @return r - J d
     */
    double[] residual() {
        return residual;
    }

    /**
     * Returns the number of iterations of the last solve.
     * @return the count
     */
    int iterations() {
        return iterations;
    }

    /**
     * Returns the number of products with J so far.
     * @return the count
     */
    int products() {
        return products;
    }

    /**
     * Returns the number of products with J^T so far (those of the solver only).
     * @return the count
     */
    int transposedProducts() {
        return transposedProducts;
    }

    /**
     * Dot product.
     * @param a a vector
     * @param b a vector of the same length
     * @return a . b
     */
    static double dot(final double[] a, final double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
