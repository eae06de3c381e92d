/**
 * The adv-diff-2d family: initial concentration from a nonlinear sensor of an exactly solved periodic
 * advection-diffusion.
 */
@Export
@Version("0.2.0")
package org.deceptron.pde.advdiff;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
