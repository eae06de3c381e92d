/**
 * The darcy-2d family: log-permeability from pressures of a cell-centred finite-volume Darcy flow.
 */
@Export
@Version("0.2.0")
package org.deceptron.pde.darcy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
