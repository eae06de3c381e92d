/**
 * Matrix-free Gauss-Newton-Krylov for Hipparchus: {@link org.deceptron.dipg.krylov.GaussNewtonKrylovOptimizer}, an
 * inexact Gauss-Newton {@code LeastSquaresOptimizer} whose inner solve (CGLS) only applies the Jacobian and its
 * transpose, through a forward model's exact tangent and adjoint models when the problem has them, and the
 * operators it works with.
 */
@Export
@Version("0.2.0")
package org.deceptron.dipg.krylov;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
