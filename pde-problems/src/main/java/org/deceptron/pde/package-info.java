/**
 * PDE forward families for hipparchus-dipg: {@link org.deceptron.pde.AbstractPdeFamily}, the common base of the
 * seven registered {@code ForwardFamily} services (bounds, fingerprint, argument checks, {@code successXRmse()}).
 */
@Export
@Version("0.1.0")
package org.deceptron.pde;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
