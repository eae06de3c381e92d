/**
 * The allen-cahn-2d family: initial phase field from the semi-implicit spectral Allen-Cahn flow.
 */
@Export
@Version("0.2.0")
package org.deceptron.pde.allencahn;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
