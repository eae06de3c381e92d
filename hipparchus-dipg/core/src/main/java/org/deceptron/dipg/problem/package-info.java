/**
 * Hipparchus least-squares problems built from forward families: box projection, the RMS-level checker,
 * cached lazy evaluations and the argument checks shared by every family.
 */
@Export
@Version("0.2.0")
package org.deceptron.dipg.problem;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
