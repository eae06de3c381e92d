/**
 * PDE forward families for hipparchus-dipg: {@link org.deceptron.pde.AbstractPdeModel}, the common base of the
 * seven forward models (bounds, fingerprint, argument checks, linearization), {@link org.deceptron.pde.PdeFamily},
 * the base of the seven registered {@code ForwardFamily} services (a model with its {@link org.deceptron.pde.PdeProtocol}),
 * and {@link org.deceptron.pde.Descriptions} (the canonical text of the constants a fingerprint hashes).
 */
@Export
@Version("0.2.0")
package org.deceptron.pde;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
