/**
 * An example forward family for hipparchus-dipg that the project does not ship: {@code sine-gordon-1d}
 * ({@link org.deceptron.examples.sinegordon.SineGordon1dFamily}), the 1-D sine-Gordon equation with exact tangent
 * and adjoint models ({@link org.deceptron.examples.sinegordon.SineGordon1dModel}) and its instance protocol
 * ({@link org.deceptron.examples.sinegordon.SineGordon1dProtocol}).
 */
@Export
@Version("0.1.0")
package org.deceptron.examples.sinegordon;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
