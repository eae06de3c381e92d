/**
 * D-IPG for Hipparchus: {@link org.deceptron.dipg.DipgOptimizer}, a drop-in
 * {@code LeastSquaresOptimizer} preconditioned by trained Deceptrons, its diagnostics and the registry that
 * finds Deceptrons.
 */
@Export
@Version("0.2.0")
package org.deceptron.dipg;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
