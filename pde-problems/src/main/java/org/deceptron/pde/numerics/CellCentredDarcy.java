package org.deceptron.pde.numerics;

/**
 * The steady Darcy equation {@code -div(exp(theta) grad u) = f} on the unit square with {@code u = 0} on the
 * boundary, discretised by cell-centred finite volumes on n x n cells of side h = 1/n: two-point fluxes with the
 * harmonic mean of the neighbouring permeabilities on interior faces ({@code T = 2 k_P k_Q / (k_P + k_Q)}, face
 * length / centre distance = 1) and the cell permeability over the half cell on boundary faces
 * ({@code T = 2 k_P}). The system {@code A(theta) u = h^2 f} is symmetric positive definite with half bandwidth
 * n and is solved by {@link BandedCholesky}.
 * <p>
 * Derivatives are those of the discrete system: {@code A du = -(dA/dtheta . dtheta) u} (tangent) and
 * {@code dtheta^* = -G^T A^{-1} w}, {@code G = [dA/dtheta_j u]_j} (adjoint).
 * Layout: cell (ix, iy), centre ((ix + 1/2) h, (iy + 1/2) h), flat index {@code iy * n + ix}.
 * Immutable and thread safe; a {@link Solution} belongs to one thread.
 * </p>
 */
public final class CellCentredDarcy {

    /** Cells per side. */
    private final int n;

    /**
     * Creates the discretisation.
     * @param n cells per side, &gt;= 2
     */
    public CellCentredDarcy(final int n) {
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 cells per side, got " + n);
        }
        this.n = n;
    }

    /**
     * Returns the cells per side.
     * @return n
     */
    public int n() {
        return n;
    }

    /**
     * Returns the number of cells.
     * @return n^2
     */
    public int size() {
        return n * n;
    }

    /**
     * Assembles, factors and solves for a source.
     * @param theta log-permeability per cell
     * @param source f per cell (cell-centre values)
     * @return the solution and its factorisation
     */
    public Solution solve(final double[] theta, final double[] source) {
        return new Solution(theta, source);
    }

    /**
     * Number of boundary faces of a cell.
     * @param ix column
     * @param iy row
     * @return 0, 1 or 2
     */
    private int boundaryFaces(final int ix, final int iy) {
        return (ix == 0 ? 1 : 0) + (ix == n - 1 ? 1 : 0) + (iy == 0 ? 1 : 0) + (iy == n - 1 ? 1 : 0);
    }

    /** A factored system and its solution u for one theta. */
    public final class Solution {

        /** Permeability k = exp(theta). */
        private final double[] perm;

        /** Pressure u. */
        private final double[] pressure;

        /** Factor of A. */
        private final BandedCholesky factor;

        /**
         * Assembles and solves.
         * @param theta log-permeability
         * @param source the source f per cell
         */
        Solution(final double[] theta, final double[] source) {
            final int size = n * n;
            perm = new double[size];
            for (int i = 0; i < size; i++) {
                perm[i] = Math.exp(theta[i]);
            }
            factor = new BandedCholesky(size, n);
            for (int iy = 0; iy < n; iy++) {
                for (int ix = 0; ix < n; ix++) {
                    final int p = iy * n + ix;
                    factor.add(p, p, 2.0 * perm[p] * boundaryFaces(ix, iy));
                    if (ix + 1 < n) {
                        addFace(p, p + 1);
                    }
                    if (iy + 1 < n) {
                        addFace(p, p + n);
                    }
                }
            }
            factor.factor();
            final double h2 = 1.0 / ((double) n * n);
            pressure = new double[size];
            for (int i = 0; i < size; i++) {
                pressure[i] = h2 * source[i];
            }
            factor.solve(pressure);
        }

        /**
         * Adds the two-point flux of an interior face to A.
         * @param p first cell (lower index)
         * @param q second cell
         */
        private void addFace(final int p, final int q) {
            final double t = 2.0 * perm[p] * perm[q] / (perm[p] + perm[q]);
            factor.add(p, p, t);
            factor.add(q, q, t);
            factor.add(q, p, -t);
        }

        /**
         * Returns the pressure (shared array, do not modify).
         * @return u per cell
         */
        public double[] pressure() {
            return pressure;
        }

        /**
         * Returns the permeability (shared array, do not modify).
         * @return exp(theta) per cell
         */
        public double[] permeability() {
            return perm;
        }

        /**
         * Solves A z = b in place with the stored factor.
         * @param b right-hand side, overwritten by z
         */
        public void solveInPlace(final double[] b) {
            factor.solve(b);
        }

        /**
         * Computes r = (dA/dtheta . dtheta) u, the residual sensitivity of a perturbation (accumulated into r).
         * @param dtheta the perturbation of theta
         * @param r output, accumulated (clear it first)
         */
        public void operatorDerivative(final double[] dtheta, final double[] r) {
            for (int iy = 0; iy < n; iy++) {
                for (int ix = 0; ix < n; ix++) {
                    final int p = iy * n + ix;
                    r[p] += 2.0 * perm[p] * boundaryFaces(ix, iy) * dtheta[p] * pressure[p];
                    if (ix + 1 < n) {
                        faceDerivative(p, p + 1, dtheta, r);
                    }
                    if (iy + 1 < n) {
                        faceDerivative(p, p + n, dtheta, r);
                    }
                }
            }
        }

        /**
         * Adds the sensitivity of one interior face.
         * @param p first cell
         * @param q second cell
         * @param dtheta perturbation
         * @param r output
         */
        private void faceDerivative(final int p, final int q, final double[] dtheta, final double[] r) {
            final double dt = faceSensitivityP(p, q) * dtheta[p] + faceSensitivityP(q, p) * dtheta[q];
            final double flux = dt * (pressure[p] - pressure[q]);
            r[p] += flux;
            r[q] -= flux;
        }

        /**
         * Derivative of the harmonic transmissibility of face (p, q) with respect to theta_p.
         * @param p the cell whose theta varies
         * @param q the other cell
         * @return dT/dtheta_p = k_p * 2 k_q^2 / (k_p + k_q)^2
         */
        private double faceSensitivityP(final int p, final int q) {
            final double s = perm[p] + perm[q];
            return 2.0 * perm[p] * perm[q] * perm[q] / (s * s);
        }

        /**
         * Computes the tangent du = -A^{-1} (dA/dtheta . dtheta) u.
         * @param dtheta perturbation
         * @return du
         */
        public double[] tangent(final double[] dtheta) {
            final double[] r = new double[n * n];
            operatorDerivative(dtheta, r);
            for (int i = 0; i < r.length; i++) {
                r[i] = -r[i];
            }
            factor.solve(r);
            return r;
        }

        /**
         * Computes the column j of du/dtheta into the given array.
         * @param j the cell
         * @param column output, length n^2 (overwritten)
         */
        public void tangentColumn(final int j, final double[] column) {
            java.util.Arrays.fill(column, 0.0);
            final int ix = j % n;
            final int iy = j / n;
            column[j] -= 2.0 * perm[j] * boundaryFaces(ix, iy) * pressure[j];
            if (ix > 0) {
                unitFace(j, j - 1, column);
            }
            if (ix + 1 < n) {
                unitFace(j, j + 1, column);
            }
            if (iy > 0) {
                unitFace(j, j - n, column);
            }
            if (iy + 1 < n) {
                unitFace(j, j + n, column);
            }
            factor.solve(column);
        }

        /**
         * Subtracts the sensitivity of face (j, q) to a unit change of theta_j.
         * @param j the perturbed cell
         * @param q its neighbour
         * @param r output
         */
        private void unitFace(final int j, final int q, final double[] r) {
            final double flux = faceSensitivityP(j, q) * (pressure[j] - pressure[q]);
            r[j] -= flux;
            r[q] += flux;
        }

        /**
         * Computes the adjoint dtheta^* = -G^T A^{-1} w.
         * @param w co-direction on the pressure
         * @return the gradient with respect to theta
         */
        public double[] adjoint(final double[] w) {
            final double[] lambda = w.clone();
            factor.solve(lambda);
            final double[] g = new double[n * n];
            for (int iy = 0; iy < n; iy++) {
                for (int ix = 0; ix < n; ix++) {
                    final int p = iy * n + ix;
                    g[p] -= 2.0 * perm[p] * boundaryFaces(ix, iy) * pressure[p] * lambda[p];
                    if (ix + 1 < n) {
                        faceAdjoint(p, p + 1, lambda, g);
                    }
                    if (iy + 1 < n) {
                        faceAdjoint(p, p + n, lambda, g);
                    }
                }
            }
            return g;
        }

        /**
         * Adds the adjoint contribution of one interior face.
         * @param p first cell
         * @param q second cell
         * @param lambda adjoint pressure
         * @param g output
         */
        private void faceAdjoint(final int p, final int q, final double[] lambda, final double[] g) {
            final double jump = (pressure[p] - pressure[q]) * (lambda[p] - lambda[q]);
            g[p] -= faceSensitivityP(p, q) * jump;
            g[q] -= faceSensitivityP(q, p) * jump;
        }
    }
}
